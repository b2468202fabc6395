package com.voicecore.domain.model.conversation;

import com.voicecore.domain.model.knowledge.KnowledgeMatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where transfer rules sit in the policy: after spam, goodbye, a message and an extension; before names and questions. */
class TransferRulePolicyTest {

    private static final UUID SALES = UUID.randomUUID();
    private static final UUID ACCOUNTS = UUID.randomUUID();
    private static final UUID ANNA = UUID.randomUUID();
    private static final Directory DIRECTORY = new Directory(
            List.of(new Directory.Listing(SALES, "Sales"), new Directory.Listing(ACCOUNTS, "Accounts")),
            List.of(new Directory.Listing(ANNA, "Anna Accountant")), Map.of("201", new Directory.Listing(ANNA, "Anna Accountant")));
    private static final KnowledgeMatch INVOICE_ANSWER = new KnowledgeMatch(UUID.randomUUID(), "Where is my invoice?",
            "Invoices are emailed on the first of the month.", null, "en", 50, 0.9, 0.5, 0.9);

    private final Conversation conversation = new Conversation(UUID.randomUUID(), "turn_based", "en", Instant.now());

    private static ConversationPolicy policy(List<TransferRule> rules, boolean spam) {
        return new ConversationPolicy(ServedLanguages.of("en", "es"), (text, served) -> Optional.of(text.contains("factura") ? "es" : "en"),
                () -> DIRECTORY, (words, language) -> words.contains("invoice") ? Optional.of(INVOICE_ANSWER) : Optional.empty(),
                words -> spam, () -> TransferRules.of(rules));
    }

    private static TransferRule toAccounts(String... phrases) {
        return new TransferRule("Billing", null, List.of(phrases), TransferRule.TargetKind.DEPARTMENT, ACCOUNTS, 10);
    }

    @Test
    void aMatchingRuleHandsOverToItsDepartmentBeforeTheKnowledgeBaseAnswers() {
        ConversationPolicy.Decision d = policy(List.of(toAccounts("invoice", "billing")), false)
                .decide(conversation, ConversationPolicy.Input.speech("I have a question about my invoice"));
        assertEquals(ConversationPolicy.Kind.HAND_OVER, d.kind());
        assertEquals(Intent.RULE, d.intent());
        ConversationPolicy.Target target = d.target().orElseThrow();
        assertEquals(ConversationPolicy.TargetKind.DEPARTMENT, target.kind());
        assertEquals(Optional.of(ACCOUNTS), target.id());
        assertEquals("Accounts", target.name());
        assertEquals(Optional.of("Billing"), target.rule());
        assertEquals(Phrasebook.say(Phrase.CONNECTING, "en", "Accounts"), d.reply());
        assertEquals(Optional.of(Outcome.TRANSFERRED), d.outcome());
        assertFalse(d.failedAttempt());
    }

    @Test
    void theHandOverIsInTheConversationsLanguage() {
        ConversationPolicy.Decision d = policy(List.of(toAccounts("factura")), false)
                .decide(conversation, ConversationPolicy.Input.speech("tengo una pregunta sobre mi factura"));
        assertEquals("es", d.language());
        assertEquals(Phrasebook.say(Phrase.CONNECTING, "es", "Accounts"), d.reply());
    }

    @Test
    void aSwitchedOffRuleOrOneWhoseTargetIsGoneDoesNothing() {
        TransferRule off = toAccounts("invoice");
        off.deactivate();
        ConversationPolicy.Decision d = policy(List.of(off), false)
                .decide(conversation, ConversationPolicy.Input.speech("I have a question about my invoice"));
        assertEquals(Intent.QUESTION, d.intent(), "the knowledge base answers as without rules");
        assertTrue(d.answer().isPresent());

        TransferRule gone = new TransferRule("Gone", null, List.of("invoice"), TransferRule.TargetKind.DEPARTMENT, UUID.randomUUID(), 0);
        TransferRule toAnna = new TransferRule("Anna", null, List.of("invoice"), TransferRule.TargetKind.AGENT, ANNA, 5);
        ConversationPolicy.Decision next = policy(List.of(gone, toAnna), false)
                .decide(conversation, ConversationPolicy.Input.speech("about my invoice"));
        assertEquals(Optional.of(ANNA), next.target().orElseThrow().id(), "the rule with a missing target is passed over");
    }

    @Test
    void spamGoodbyeMessageAndExtensionComeFirst() {
        List<TransferRule> rules = List.of(toAccounts("invoice", "message", "bye", "extension"));
        assertEquals(Intent.SPAM, policy(rules, true).decide(conversation, ConversationPolicy.Input.speech("invoice")).intent());
        assertEquals(Intent.END, policy(rules, false).decide(conversation, ConversationPolicy.Input.speech("ok bye")).intent());
        assertEquals(Intent.MESSAGE, policy(rules, false).decide(conversation,
                ConversationPolicy.Input.speech("I'd like to leave a message")).intent());
        assertEquals(Intent.EXTENSION, policy(rules, false).decide(conversation,
                ConversationPolicy.Input.speech("extension 201")).intent());
        ConversationPolicy.Decision named = policy(List.of(toAccounts("sales")), false)
                .decide(conversation, ConversationPolicy.Input.speech("sales please"));
        assertEquals(Intent.RULE, named.intent(), "an admin's rule beats name recognition");
        assertEquals("Accounts", named.target().orElseThrow().name());
    }

    @Test
    void voicemailAndCustomerServiceTargets() {
        TransferRule voicemail = new TransferRule("Complaints", null, List.of("complaint"), TransferRule.TargetKind.VOICEMAIL, SALES, 0);
        ConversationPolicy.Decision d = policy(List.of(voicemail), false).decide(conversation,
                ConversationPolicy.Input.speech("I want to make a complaint"));
        assertEquals(ConversationPolicy.TargetKind.VOICEMAIL, d.target().orElseThrow().kind());
        assertEquals(Optional.of(SALES), d.target().orElseThrow().id());
        assertEquals(Optional.of(Outcome.MESSAGE), d.outcome());
        TransferRule human = new TransferRule("Urgent", null, List.of("urgent"), TransferRule.TargetKind.OPERATOR, null, 0);
        ConversationPolicy.Decision h = policy(List.of(human), false).decide(conversation, ConversationPolicy.Input.speech("it is urgent"));
        assertEquals(ConversationPolicy.TargetKind.OPERATOR, h.target().orElseThrow().kind());
        assertEquals(Phrasebook.say(Phrase.CUSTOMER_SERVICE, "en"), h.reply());
    }

    @Test
    void aRealtimeExchangeWithARulesPhraseHandsOverUnlessTheModelSettledIt() {
        List<TransferRule> rules = List.of(toAccounts("invoice"));
        ConversationPolicy.Decision d = policy(rules, false).assess(conversation, List.of("question about my invoice"),
                new ConversationPolicy.Assisted(1, 0, 0, false));
        assertEquals(ConversationPolicy.Kind.HAND_OVER, d.kind());
        assertEquals(Intent.RULE, d.intent());
        assertEquals(Optional.of(ACCOUNTS), d.target().orElseThrow().id());
        ConversationPolicy.Decision settled = policy(rules, false).assess(conversation, List.of("question about my invoice"),
                new ConversationPolicy.Assisted(0, 0, 0, true));
        assertEquals(ConversationPolicy.Kind.CONTINUE, settled.kind(), "a transfer the model already made stands");
        assertEquals(Intent.SPAM, policy(rules, true).assess(conversation, List.of("invoice"), ConversationPolicy.Assisted.NOTHING).intent());
    }
}
