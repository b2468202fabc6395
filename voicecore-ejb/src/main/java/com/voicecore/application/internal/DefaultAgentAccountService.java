package com.voicecore.application.internal;

import com.voicecore.application.AgentAccountService;
import com.voicecore.application.AgentDraft;
import com.voicecore.application.AgentService;
import com.voicecore.application.exception.ConflictException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.user.TenantUser;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.infrastructure.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultAgentAccountService implements AgentAccountService {

    @Inject
    AgentService agents;

    @Inject
    PasswordHasher passwords;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Override
    public Invitation invite(AgentDraft draft, UserRole role) {
        Agent agent = agents.create(draft); // the agent's own rules (extension block, unique e-mail and extension)
        String password = open(agent, role);
        return new Invitation(agent, role, password);
    }

    @Override
    public Optional<UserRole> role(UUID agentId) {
        return account(agents.get(agentId)).map(TenantUser::role);
    }

    @Override
    public java.util.Map<UUID, UserRole> roles() {
        // two plain queries: Hibernate 6.6 renders a theta join of two @TenantId entities as "cross join ... on"
        java.util.Map<UUID, UserRole> byUser = new java.util.HashMap<>();
        em.createQuery("select u from TenantUser u", TenantUser.class).getResultList().forEach(u -> byUser.put(u.id(), u.role()));
        java.util.Map<UUID, UserRole> roles = new java.util.HashMap<>();
        for (Agent agent : agents.list(Optional.empty())) {
            agent.userId().map(byUser::get).ifPresent(role -> roles.put(agent.id(), role));
        }
        return roles;
    }

    @Override
    public Optional<String> changeRole(UUID agentId, UserRole role, UUID actingUserId) {
        Agent agent = agents.get(agentId);
        Optional<TenantUser> account = account(agent);
        if (account.isEmpty()) {
            return Optional.of(open(agent, role));
        }
        if (account.get().id().equals(actingUserId) && role != UserRole.TENANT_ADMIN) {
            throw new ConflictException("role", "You cannot take away your own administrator role; ask another admin");
        }
        account.get().changeRole(role);
        return Optional.empty();
    }

    @Override
    public void remove(UUID agentId, UUID actingUserId) {
        Agent agent = agents.get(agentId);
        Optional<TenantUser> account = account(agent);
        if (account.isPresent() && account.get().id().equals(actingUserId)) {
            throw new ConflictException("agent", "You cannot remove yourself; ask another admin");
        }
        agents.delete(agentId);
        em.flush(); // the agent's reference to the account goes first
        account.ifPresent(em::remove);
    }

    private Optional<TenantUser> account(Agent agent) {
        return agent.userId().map(id -> em.find(TenantUser.class, id));
    }

    /** An account for the agent with that role, linked to it; answers its first password. */
    private String open(Agent agent, UserRole role) {
        SignInEmails.requireFree(em, agent.email(), null);
        String password = passwords.generatePassword();
        TenantUser user = new TenantUser(agent.email(), agent.name(), passwords.hash(password.toCharArray()), role);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            throw ConstraintViolations.duplicateOr(e, "user");
        }
        agent.linkUser(user.id());
        return password;
    }
}
