package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.KnowledgeDraft;
import com.voicecore.domain.model.knowledge.KnowledgeEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** The fields of a knowledge-base entry, with the draft's own rules, shared by the add and edit forms. */
public class KnowledgeForm implements Serializable {

    @NotBlank(message = "A question is needed")
    @Size(max = 2000, message = "A question has at most 2000 characters")
    private String question;

    @NotBlank(message = "An answer is needed")
    @Size(max = 4000, message = "An answer has at most 4000 characters")
    private String answer;

    @Size(max = 100, message = "A category has at most 100 characters")
    private String category;

    @NotNull(message = "A priority 0 to 100 is needed")
    @Min(value = 0, message = "Priority is between 0 and 100")
    @Max(value = 100, message = "Priority is between 0 and 100")
    private Integer priority = 0;

    @Size(max = 2000, message = "Keywords have at most 2000 characters")
    private String keywords;

    @NotBlank(message = "A language is needed")
    @Pattern(regexp = "[a-zA-Z]{2}(-[a-zA-Z]{2})?", message = "A language is a code like en or en-US")
    private String language = "en";

    private boolean active = true;

    KnowledgeDraft draft() {
        return new KnowledgeDraft(question, answer, CompanyPage.blankToNull(keywords), CompanyPage.blankToNull(category), language,
                priority, active);
    }

    void fill(KnowledgeEntry e) {
        question = e.question();
        answer = e.answer();
        category = e.category().orElse(null);
        priority = e.priority();
        keywords = e.keywords();
        language = e.language();
        active = e.isActive();
    }

    void clear() {
        question = null;
        answer = null;
        category = null;
        priority = 0;
        keywords = null;
        language = "en";
        active = true;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
