package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.KnowledgeCsv;
import com.voicecore.application.KnowledgeDraft;
import com.voicecore.application.KnowledgeImportService;
import com.voicecore.application.KnowledgeService;
import com.voicecore.application.exception.ImportRefusedException;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import com.voicecore.interfaces.admin.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * /tenant/knowledge.xhtml: the knowledge base — find entries (words in question, answer, keywords or
 * category; language; category), add one, delete one, and import a CSV file all or nothing.
 */
@Named
@ViewScoped
public class ManageKnowledge extends CompanyPage {

    /** The list shows the first entries of the filter; the import's limits keep a base in this range. */
    static final int MAX_LISTED = 500;

    public record Row(UUID id, String question, String answer, String category, String language, int priority, boolean active,
                      int used, int resolved) implements Serializable {
        static Row of(KnowledgeEntry e) {
            return new Row(e.id(), e.question(), e.answer(), e.category().orElse(""), e.language(), e.priority(), e.isActive(),
                    e.timesUsed(), e.timesResolved());
        }
    }

    @Inject
    KnowledgeService knowledge;

    @Inject
    KnowledgeImportService importer;

    private List<Row> rows;
    private List<String> categories;

    private String search;
    private String filterLanguage;
    private String filterCategory;

    private final KnowledgeForm form = new KnowledgeForm();

    private transient UploadedFile file;
    private List<String> importProblems = List.of();

    public List<Row> getRows() {
        if (rows == null) {
            String words = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
            rows = knowledge.list(blankToNull(filterLanguage), blankToNull(filterCategory), MAX_LISTED, 0).stream()
                    .map(Row::of)
                    .filter(r -> words.isEmpty() || (r.question() + "\n" + r.answer() + "\n" + r.category()).toLowerCase(Locale.ROOT).contains(words))
                    .toList();
        }
        return rows;
    }

    public List<String> getCategories() {
        if (categories == null) {
            categories = knowledge.categories();
        }
        return categories;
    }

    public void find() {
        rows = null;
    }

    public void create() {
        KnowledgeDraft draft = form.draft();
        boolean saved = attempt(() -> changes.change(actor(), "knowledge.created", () -> knowledge.create(draft),
                KnowledgeEntry::question, e -> e.language() + ", priority " + e.priority() + e.category().map(c -> ", category " + c).orElse("")));
        if (saved) {
            Messages.info("Entry added");
            form.clear();
            refresh();
        }
    }

    public void delete(Row row) {
        if (attempt(() -> changes.change(actor(), "knowledge.deleted", row.question(), row.language(), () -> knowledge.delete(row.id())))) {
            Messages.info("Entry deleted");
            refresh();
        }
    }

    public void importCsv() {
        importProblems = List.of();
        if (file == null || file.getSize() == 0) {
            Messages.error("importForm:csv", "Choose a CSV file to import");
            return;
        }
        byte[] content = file.getContent();
        String fileName = file.getFileName();
        file = null;
        int[] imported = new int[1];
        try {
            changes.change(actor(), "knowledge.imported", () -> imported[0] = importer.importCsv(content),
                    n -> fileName, n -> n + " entries from a CSV file of " + content.length + " bytes");
        } catch (RuntimeException e) {
            ImportRefusedException refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            importProblems = refused.problems();
            Messages.error(null, "Import refused: " + refused.getMessage());
            return;
        }
        Messages.info(imported[0] + (imported[0] == 1 ? " entry" : " entries") + " imported");
        refresh();
    }

    private static ImportRefusedException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    private void refresh() {
        rows = null;
        categories = null;
    }

    public int getMaxRows() {
        return KnowledgeCsv.MAX_ROWS;
    }

    public int getMaxKib() {
        return KnowledgeCsv.MAX_BYTES / 1024;
    }

    public KnowledgeForm getForm() {
        return form;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getFilterLanguage() {
        return filterLanguage;
    }

    public void setFilterLanguage(String filterLanguage) {
        this.filterLanguage = filterLanguage;
    }

    public String getFilterCategory() {
        return filterCategory;
    }

    public void setFilterCategory(String filterCategory) {
        this.filterCategory = filterCategory;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public List<String> getImportProblems() {
        return importProblems;
    }
}
