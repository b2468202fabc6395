package com.voicecore.infrastructure.persistence.jpa;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.department.DepartmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaDepartmentRepository implements DepartmentRepository {

    @PersistenceContext(unitName = "voicecore")
    private EntityManager em;

    public JpaDepartmentRepository() {
    }

    /** For use outside a container (tests, tools). */
    public JpaDepartmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Department> findReception() {
        return em.createNamedQuery("Department.findReception", Department.class).getResultStream().findFirst();
    }

    @Override
    public Optional<Department> find(UUID id) {
        return Optional.ofNullable(em.find(Department.class, id));
    }

    @Override
    public Optional<Department> findByName(String name) {
        return em.createNamedQuery("Department.findByName", Department.class)
                .setParameter("name", name.strip())
                .getResultStream().findFirst();
    }

    @Override
    public List<Department> findAll() {
        return em.createNamedQuery("Department.findAll", Department.class).getResultList();
    }

    @Override
    public void store(Department department) {
        if (!em.contains(department)) {
            em.persist(department);
        }
        em.flush();
    }

    @Override
    public void remove(Department department) {
        em.remove(department);
        em.flush();
    }
}
