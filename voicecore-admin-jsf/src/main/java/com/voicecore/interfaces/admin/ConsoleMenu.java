package com.voicecore.interfaces.admin;

import com.voicecore.application.console.ConsoleIdentity;
import com.voicecore.application.console.ConsoleRole;
import com.voicecore.interfaces.admin.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.DefaultSubMenu;
import org.primefaces.model.menu.MenuModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout's menu, by role: each entry names the role it needs (web.xml guards the same folders, so
 * a hidden entry is also a refused URL). To add a page, add a line to {@link #ENTRIES}.
 */
@Named
@RequestScoped
public class ConsoleMenu {

    /** One menu line: a group heading, the label, the page (context-relative) and the role it needs. */
    public record Entry(String group, String label, String page, ConsoleRole role, String icon) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("Platform", "Tenants", "/platform/tenants.xhtml", ConsoleRole.PLATFORM_ADMIN, "pi pi-building"),
            new Entry("Platform", "Spam list", "/platform/spam.xhtml", ConsoleRole.PLATFORM_ADMIN, "pi pi-ban"),
            new Entry("Platform", "System health", "/platform/health.xhtml", ConsoleRole.PLATFORM_ADMIN, "pi pi-heart"),
            new Entry("Platform", "Audit log", "/platform/audit.xhtml", ConsoleRole.PLATFORM_ADMIN, "pi pi-history"),
            new Entry("Company", "Departments", "/tenant/departments.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-sitemap"),
            new Entry("Company", "Agents", "/tenant/agents.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-users"),
            new Entry("Company", "Phone numbers", "/tenant/numbers.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-phone"),
            new Entry("Company", "Twilio account", "/tenant/twilio.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-link"),
            new Entry("Company", "Business hours", "/tenant/hours.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-clock"),
            new Entry("Company", "Spam", "/tenant/spam.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-shield"),
            new Entry("Company", "Audit log", "/tenant/audit.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-history"),
            new Entry("Receptionist", "Settings", "/tenant/receptionist.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-comments"),
            new Entry("Receptionist", "Knowledge base", "/tenant/knowledge.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-book"),
            new Entry("Receptionist", "Suggestions", "/tenant/suggestions.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-inbox"),
            new Entry("Calls", "Call log", "/tenant/calls.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-list"),
            new Entry("Calls", "Voicemail", "/tenant/voicemail.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-inbox"),
            new Entry("Calls", "Try a call", "/tenant/try-call.xhtml", ConsoleRole.TENANT_ADMIN, "pi pi-phone"),
            new Entry("Calls", "Wallboard", "/team/wallboard.xhtml", ConsoleRole.SUPERVISOR, "pi pi-th-large"),
            new Entry("Calls", "Analytics", "/team/analytics.xhtml", ConsoleRole.SUPERVISOR, "pi pi-chart-bar"));

    @Inject
    SignedInUser user;

    private MenuModel model;

    public MenuModel getModel() {
        if (model == null) {
            model = build(user.current().orElse(null));
        }
        return model;
    }

    /** The entries this user may open, grouped in menu order. */
    static Map<String, List<Entry>> visible(ConsoleIdentity identity) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        if (identity != null) {
            for (Entry e : ENTRIES) {
                if (identity.has(e.role())) {
                    groups.computeIfAbsent(e.group(), g -> new java.util.ArrayList<>()).add(e);
                }
            }
        }
        return groups;
    }

    private static MenuModel build(ConsoleIdentity identity) {
        String root = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        DefaultMenuModel menu = new DefaultMenuModel();
        menu.getElements().add(DefaultMenuItem.builder().id("menuHome").value("Home").icon("pi pi-home").url(root + "/").build());
        visible(identity).forEach((group, entries) -> {
            DefaultSubMenu.Builder sub = DefaultSubMenu.builder().label(group);
            for (Entry e : entries) {
                sub.addElement(DefaultMenuItem.builder().value(e.label()).icon(e.icon()).url(root + e.page()).build());
            }
            menu.getElements().add(sub.build());
        });
        return menu;
    }
}
