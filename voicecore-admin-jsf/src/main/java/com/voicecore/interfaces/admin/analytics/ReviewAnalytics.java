package com.voicecore.interfaces.admin.analytics;

import com.voicecore.application.AnalyticsService;
import com.voicecore.application.AnalyticsTable;
import com.voicecore.application.exception.UnknownEntityException;
import com.voicecore.domain.model.analytics.AnalyticsReport;
import com.voicecore.interfaces.admin.Messages;
import com.voicecore.interfaces.admin.Pages;
import com.voicecore.interfaces.admin.calls.Directory;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import org.primefaces.PrimeFaces;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * /team/analytics.xhtml: the analytics dashboard over a date range in the tenant's time zone, for one
 * department or agent or the whole company, with a service-level threshold. One
 * {@link AnalyticsService#report} per request that asks for one (opening the page, "Show"); the charts,
 * tables and CSV downloads all read that report. A refused filter leaves the last good report on screen.
 */
@Named
@ViewScoped
public class ReviewAnalytics implements Serializable {

    static final String PAGE = "/team/analytics.xhtml";

    @Inject
    AnalyticsService analytics;

    @Inject
    Directory directory;

    // the URL's parameters (f:viewParam), the analytics API's names
    private String from;
    private String to;
    private String departmentId;
    private String agentId;
    private String serviceLevelSeconds;

    // the form
    private LocalDate fromDate;
    private LocalDate toDate;
    private String department;
    private String agent;
    private Integer threshold;

    /** The filter choices, id → name, read once per view. */
    private Map<String, String> departments;
    private Map<String, String> agents;

    /** The filter of the report on screen: the last one the service accepted. */
    private DashboardFilter shown;
    /** Not kept when a session is moved: {@link #getReport()} asks again for {@link #shown}. */
    private transient AnalyticsReport report;
    private transient Map<String, String> charts;

    /** The page's f:viewAction (a GET): the URL's filter, or "not found" for an id that is not the tenant's. */
    public void open() {
        DashboardFilter.FromUrl url = DashboardFilter.fromUrl(from, to, departmentId, agentId, serviceLevelSeconds);
        if (url.notFound()) {
            Pages.notFound();
            return;
        }
        url.problems().forEach(p -> Messages.error(null, p));
        try {
            try {
                show(url.filter());
            } catch (UnknownEntityException e) {
                throw e;
            } catch (RuntimeException e) {
                // a bookmark with a refused range or threshold: say why, and show the default period instead
                Messages.refused(e);
                show(url.filter().scopeOnly());
            }
        } catch (UnknownEntityException e) {
            Pages.notFound();
            return;
        }
        departments = names(directory.getDepartments());
        agents = names(directory.getAgents());
    }

    /** The Show button: the form's filter, or a message and the last good report. */
    public void apply() {
        DashboardFilter wanted = new DashboardFilter(fromDate, toDate, Pages.id(department).orElse(null),
                Pages.id(agent).orElse(null), threshold);
        try {
            show(wanted);
        } catch (RuntimeException e) {
            Messages.refused(e);
            return;
        }
        String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + PAGE + "?" + wanted.queryString();
        // the address bar follows the filter, so the dashboard can be bookmarked and reloaded as it is
        PrimeFaces.current().executeScript("history.replaceState(null, '', " + DashboardCharts.scriptSafe(Json.createValue(url).toString()) + ");");
    }

    private void show(DashboardFilter filter) {
        AnalyticsReport answer = analytics.report(filter.query());
        report = answer;
        charts = null;
        shown = filter;
        fromDate = answer.period().firstDay();
        toDate = answer.period().lastDay();
        department = filter.departmentId() == null ? null : filter.departmentId().toString();
        agent = filter.agentId() == null ? null : filter.agentId().toString();
        threshold = answer.thresholds().serviceLevelSeconds();
    }

    /** A table of the report on screen as CSV: exactly what {@code GET /api/v1/analytics/{table}.csv} answers for it. */
    public void exportCsv(String table) {
        AnalyticsTable wanted = AnalyticsTable.named(table).orElseThrow(() -> new IllegalArgumentException(table));
        AnalyticsReport current = getReport();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + wanted.fileName(current) + "\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(wanted.csv(current).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public AnalyticsReport getReport() {
        if (report == null && shown != null) {
            report = analytics.report(shown.query());
        }
        return report;
    }

    public String getHourChart() {
        return chart("hours");
    }

    public String getDayChart() {
        return chart("days");
    }

    public String getDepartmentChart() {
        return chart("departments");
    }

    private String chart(String name) {
        if (charts == null) {
            charts = new LinkedHashMap<>();
        }
        return charts.computeIfAbsent(name, n -> switch (n) {
            case "hours" -> DashboardCharts.hours(getReport());
            case "days" -> DashboardCharts.days(getReport());
            default -> DashboardCharts.departments(getReport());
        });
    }

    /** Seconds for display: one decimal, or a dash where there is nothing to average. */
    public String seconds(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f s", value);
    }

    /** A rate for display: one decimal, or a dash where its denominator is 0. */
    public String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static Map<String, String> names(Map<UUID, String> byId) {
        Map<String, String> names = new LinkedHashMap<>();
        byId.forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    public Map<String, String> getDepartments() {
        return departments;
    }

    public Map<String, String> getAgents() {
        return agents;
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

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public void setServiceLevelSeconds(String serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public void setFromDate(LocalDate fromDate) {
        this.fromDate = fromDate;
    }

    public LocalDate getToDate() {
        return toDate;
    }

    public void setToDate(LocalDate toDate) {
        this.toDate = toDate;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }
}
