package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.schedule.BusinessCalendar;
import com.voicecore.domain.model.schedule.BusinessHours;
import com.voicecore.domain.model.schedule.BusinessSchedule;
import com.voicecore.domain.model.schedule.BusinessScheduleRepository;
import com.voicecore.domain.model.schedule.Holiday;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Schedules of the current tenant; a calendar is the schedule with its hours and holidays (three small queries). */
@ApplicationScoped
public class JpaBusinessScheduleRepository implements BusinessScheduleRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaBusinessScheduleRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaBusinessScheduleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<BusinessCalendar> tenantCalendar() {
        return tenantSchedule().map(this::calendarOf);
    }

    @Override
    public Optional<BusinessCalendar> departmentCalendar(UUID departmentId) {
        return departmentSchedule(departmentId).map(this::calendarOf);
    }

    @Override
    public Optional<BusinessSchedule> tenantSchedule() {
        return em.createNamedQuery("BusinessSchedule.findTenantDefault", BusinessSchedule.class)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<BusinessSchedule> departmentSchedule(UUID departmentId) {
        return em.createNamedQuery("BusinessSchedule.findByDepartment", BusinessSchedule.class)
                .setParameter("departmentId", Objects.requireNonNull(departmentId, "departmentId"))
                .getResultStream().findFirst();
    }

    @Override
    public List<BusinessHours> hoursOf(BusinessSchedule schedule) {
        return em.createNamedQuery("BusinessHours.findBySchedule", BusinessHours.class)
                .setParameter("scheduleId", schedule.id()).getResultList();
    }

    @Override
    public List<Holiday> holidaysOf(BusinessSchedule schedule) {
        return em.createNamedQuery("Holiday.findBySchedule", Holiday.class)
                .setParameter("scheduleId", schedule.id()).getResultList();
    }

    @Override
    public void add(BusinessSchedule schedule) {
        em.persist(schedule);
        em.flush(); // its hours and holidays refer to it
    }

    @Override
    public void remove(BusinessSchedule schedule) {
        hoursOf(schedule).forEach(em::remove);
        holidaysOf(schedule).forEach(em::remove);
        em.flush();
        em.remove(schedule);
    }

    @Override
    public void replaceHours(BusinessSchedule schedule, Collection<BusinessHours> hours) {
        hoursOf(schedule).forEach(em::remove);
        em.flush();
        hours.forEach(em::persist);
    }

    @Override
    public void add(Holiday holiday) {
        em.persist(holiday);
    }

    @Override
    public Optional<Holiday> holiday(UUID id) {
        return Optional.ofNullable(em.find(Holiday.class, id));
    }

    @Override
    public void remove(Holiday holiday) {
        em.remove(holiday);
    }

    private BusinessCalendar calendarOf(BusinessSchedule schedule) {
        return new BusinessCalendar(schedule,
                em.createNamedQuery("BusinessHours.findBySchedule", BusinessHours.class)
                        .setParameter("scheduleId", schedule.id()).getResultList(),
                em.createNamedQuery("Holiday.findBySchedule", Holiday.class)
                        .setParameter("scheduleId", schedule.id()).getResultList());
    }
}
