package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.KnowledgeDraft;
import com.voicecore.application.KnowledgeService;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.UUID;

/** /tenant/knowledge-entry.xhtml?id=…: edit one knowledge-base entry (looked up in the signed-in company only). */
@Named
@ViewScoped
public class EditKnowledgeEntry extends CompanyPage {

    @Inject
    KnowledgeService knowledge;

    private String id;
    private UUID entryId;
    private final KnowledgeForm form = new KnowledgeForm();
    private String learned;

    public void load() {
        Optional<UUID> parsed = id(id);
        if (parsed.isEmpty()) {
            notFound();
            return;
        }
        try {
            KnowledgeEntry e = knowledge.get(parsed.get());
            entryId = e.id();
            form.fill(e);
            learned = "given in " + e.timesUsed() + " calls, " + e.timesResolved() + " resolved, " + e.timesTransferred() + " transferred";
        } catch (UnknownEntityException e) {
            notFound();
        }
    }

    public void save() {
        KnowledgeDraft draft = form.draft();
        UUID target = entryId;
        if (attempt(() -> changes.change(actor(), "knowledge.changed", () -> knowledge.update(target, draft), KnowledgeEntry::question,
                e -> e.language() + ", priority " + e.priority() + (e.isActive() ? "" : ", inactive")))) {
            Messages.info("Entry saved");
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isLoaded() {
        return entryId != null;
    }

    public KnowledgeForm getForm() {
        return form;
    }

    public String getLearned() {
        return learned;
    }
}
