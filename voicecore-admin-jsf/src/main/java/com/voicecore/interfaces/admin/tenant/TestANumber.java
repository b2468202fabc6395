package com.voicecore.interfaces.admin.tenant;

import com.voicecore.application.SpamService;
import com.voicecore.domain.model.spam.SpamVerdict;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The spam page's "test a number": how a call from this number would be screened right now (the spam
 * screen itself, with the company's rules, the platform list and the velocity so far), without a call.
 * Changes nothing, so nothing is audited.
 */
@Named
@ViewScoped
public class TestANumber implements Serializable {

    public record Result(int score, String action, List<String> reasons) implements Serializable {
    }

    @Inject
    SpamService spam;

    @NotBlank(message = "Enter the caller's number to test")
    @Size(max = 32, message = "A caller number has at most 32 characters")
    private String from;

    @Pattern(regexp = "(\\+[1-9][0-9]{6,14})?", message = Patterns.PHONE_MESSAGE)
    private String to;

    @Pattern(regexp = "(TN-Validation-(Passed|Failed)(-[ABC])?|No-TN-Validation)?", message = "A STIR/SHAKEN result is like TN-Validation-Passed-A")
    private String stirVerstat;

    private Result result;

    public void test() {
        SpamVerdict v = spam.test(from.strip(), CompanyPage.blankToNull(to), CompanyPage.blankToNull(stirVerstat));
        result = new Result(v.score(), v.action().name().toLowerCase(Locale.ROOT), v.reasons());
    }

    public List<String> getStirOptions() {
        return List.of("TN-Validation-Passed-A", "TN-Validation-Passed-B", "TN-Validation-Passed-C", "TN-Validation-Failed-A",
                "TN-Validation-Failed-B", "TN-Validation-Failed-C", "TN-Validation-Failed", "No-TN-Validation");
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getStirVerstat() {
        return stirVerstat;
    }

    public void setStirVerstat(String stirVerstat) {
        this.stirVerstat = stirVerstat;
    }

    public Result getResult() {
        return result;
    }
}
