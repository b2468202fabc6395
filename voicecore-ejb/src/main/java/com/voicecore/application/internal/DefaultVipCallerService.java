package com.voicecore.application.internal;

import com.voicecore.application.VipCallerService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.queue.QueueRepository;
import com.voicecore.domain.model.queue.VipCaller;
import com.voicecore.domain.model.shared.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultVipCallerService implements VipCallerService {

    @Inject
    QueueRepository queues;

    @Inject
    Clock clock;

    @Override
    public List<VipCaller> list() {
        return queues.vipCallers();
    }

    @Override
    public VipCaller add(PhoneNumber number) {
        VipCaller vip = new VipCaller(number, clock.instant());
        try {
            queues.store(vip);
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "VIP caller");
        }
        return vip;
    }

    @Override
    public void remove(UUID id) {
        queues.remove(queues.findVip(id).orElseThrow(() -> new UnknownEntityException("VIP caller", id)));
    }
}
