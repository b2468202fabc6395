package com.voicecore.application.internal;

import com.voicecore.application.AgentClaims;
import com.voicecore.application.AgentRole;
import com.voicecore.application.AgentTokenService;
import com.voicecore.application.IssuedAgentToken;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.agent.Agent;
import com.voicecore.domain.model.agent.AgentRepository;
import com.voicecore.domain.model.user.LoginLockout;
import com.voicecore.domain.model.user.TenantUser;
import com.voicecore.domain.model.user.UserRole;
import com.voicecore.infrastructure.security.AgentTokenSigner;
import com.voicecore.infrastructure.security.PasswordHasher;
import com.voicecore.infrastructure.tenancy.TenantContext;
import com.voicecore.infrastructure.platform.TelephonyDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultAgentTokenService implements AgentTokenService {

    @Inject
    AgentRepository agents;

    @Inject
    AgentTokenSigner signer;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    TelephonyDirectory directory;

    @PersistenceContext(unitName = "voicecore")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "voicecore.agent-token.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    /** Verified against when the user is unknown, so a wrong e-mail costs the same PBKDF2 work as a wrong password. */
    private volatile String decoyHash;

    @Override
    public IssuedAgentToken issue(UUID agentId, AgentRole role) {
        Agent agent = agents.find(agentId).orElseThrow(() -> new UnknownEntityException("agent", agentId));
        return sign(agent, role);
    }

    @Override
    public Optional<IssuedAgentToken> login(UUID tenantId, String email, char[] password) {
        if (!TenantContext.current().map(tenantId::equals).orElse(false)) {
            throw new IllegalStateException("The login runs in the named tenant's context");
        }
        Instant now = clock.instant();
        Optional<TenantUser> user = em.createNamedQuery("TenantUser.findByEmail", TenantUser.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
        if (user.isEmpty()) {
            hasher.verify(password, decoy());
            return Optional.empty();
        }
        TenantUser u = user.get();
        if (u.isLocked(now)) {
            hasher.verify(password, decoy());
            return Optional.empty();
        }
        if (!hasher.verify(password, u.passwordHash())) {
            u.recordFailedLogin(now, LoginLockout.STANDARD);
            return Optional.empty();
        }
        Optional<Agent> agent = agents.findByUser(u.id());
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        u.recordSuccessfulLogin();
        AgentRole role = u.role() == UserRole.AGENT ? AgentRole.AGENT : AgentRole.SUPERVISOR;
        return Optional.of(sign(agent.get(), role));
    }

    @Override
    public boolean tenantActive(AgentClaims claims) {
        if (!TenantContext.current().map(claims.tenantId()::equals).orElse(false)) {
            throw new IllegalStateException("A token's tenant is checked in that tenant's context");
        }
        return directory.isActive(claims.tenantId());
    }

    @Override
    public Optional<AgentClaims> verify(String token) {
        return signer.verify(token, clock.instant());
    }

    private IssuedAgentToken sign(Agent agent, AgentRole role) {
        Instant now = clock.instant();
        long ttl = Math.max(30, Math.min(ttlSeconds, Duration.ofHours(12).toSeconds()));
        AgentClaims claims = new AgentClaims(agent.tenantId(), agent.id(), role, agent.departmentId().orElse(null),
                now, now.plusSeconds(ttl));
        return new IssuedAgentToken(signer.sign(claims), claims);
    }

    private String decoy() {
        String d = decoyHash;
        if (d == null) {
            d = hasher.hash(hasher.generatePassword().toCharArray());
            decoyHash = d;
        }
        return d;
    }
}
