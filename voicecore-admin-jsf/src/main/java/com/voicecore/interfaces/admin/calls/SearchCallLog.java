package com.voicecore.interfaces.admin.calls;

import com.voicecore.interfaces.admin.Pages;
import com.voicecore.application.CallLogService;
import com.voicecore.application.CsvExport;
import com.voicecore.domain.model.call.CallCriteria;
import com.voicecore.domain.model.call.CallDirection;
import com.voicecore.domain.model.call.CallPage;
import com.voicecore.domain.model.call.CallStatus;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /tenant/calls.xhtml: the call log, newest first, paged by the database (a lazy table over
 * {@link CallLogService#search}, the same query as GET /api/v1/calls), filtered by date range (days in
 * the tenant's time zone, {@link TenantTime}, in which times are shown too),
 * direction, status, department, agent and caller number; and the filtered log as CSV.
 */
@Named
@ViewScoped
public class SearchCallLog implements Serializable {

    /** The CSV export's page size (the service's largest) and its cap, so one click cannot dump 100,000 calls. */
    static final int EXPORT_PAGE = 200;
    static final int EXPORT_MAX = 10_000;

    @Inject
    CallLogService log;

    @Inject
    Directory directory;

    @Inject
    TenantTime time;

    private LocalDate from;
    private LocalDate until;
    private String direction;
    private String status;
    private String departmentId;
    private String agentId;
    private String number;

    private final LazyDataModel<CallRow> calls = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, log.search(criteria(), 0, 1).total());
        }

        @Override
        public List<CallRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            CallPage page = log.search(criteria(), first / pageSize, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.calls().stream().map(CallRow::of).toList();
        }

        @Override
        public String getRowKey(CallRow row) {
            return row.id().toString();
        }

        @Override
        public CallRow getRowData(String rowKey) {
            return null; // the table has no selection
        }
    };

    /** The filters as the service takes them; a blank filter is no filter. */
    CallCriteria criteria() {
        return new CallCriteria(
                time.startOf(from),
                time.endOf(until),
                blank(status).map(CallStatus::fromCode),
                Pages.id(departmentId),
                Pages.id(agentId),
                blank(number).map(String::strip),
                blank(direction).map(d -> CallDirection.valueOf(d.toUpperCase(java.util.Locale.ROOT))));
    }

    /** The Search button: the table (re-rendered by the page) starts again at its first page. */
    public void search() {
        if (from != null && until != null && until.isBefore(from)) {
            com.voicecore.interfaces.admin.Messages.error("filters:until", "The end date must not be before the start date");
        }
        firstPage();
    }

    private static void firstPage() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":callLog:calls");
        if (table instanceof DataTable calls) {
            calls.reset();
        }
    }

    public void clear() {
        from = null;
        until = null;
        direction = null;
        status = null;
        departmentId = null;
        agentId = null;
        number = null;
        firstPage();
    }

    /** The filtered call log as a CSV download (newest first, at most {@link #EXPORT_MAX} calls). */
    public void exportCsv() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"calls.csv\"");
        CallCriteria criteria = criteria();
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(CsvExport.line(List.of("id", "started_at", "direction", "from", "to", "status", "department", "agent",
                    "duration_seconds", "spam_score", "credits_used", "test_call")).getBytes(StandardCharsets.UTF_8));
            for (int page = 0; page * EXPORT_PAGE < EXPORT_MAX; page++) {
                CallPage found = log.search(criteria, page, EXPORT_PAGE);
                for (var call : found.calls()) {
                    CallRow r = CallRow.of(call);
                    out.write(CsvExport.line(Arrays.asList(r.id(), r.startedAt(), r.direction(), r.from(), r.to(), r.status(),
                            directory.department(r.departmentId()), directory.agent(r.agentId()), r.durationSeconds(),
                            r.spamScore(), r.creditsUsed(), r.testCall())).getBytes(StandardCharsets.UTF_8));
                }
                if ((long) (page + 1) * EXPORT_PAGE >= found.total()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    private static Optional<String> blank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public List<String> getDirections() {
        return Arrays.stream(CallDirection.values()).map(CallDirection::code).toList();
    }

    public List<String> getStatuses() {
        return Arrays.stream(CallStatus.values()).map(CallStatus::code).toList();
    }

    public LazyDataModel<CallRow> getCalls() {
        return calls;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
