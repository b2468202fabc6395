package com.voicecore.domain.model.registry;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.plan.Plan;
import com.voicecore.domain.model.receptionist.ReceptionistSettings;
import com.voicecore.domain.model.schedule.BusinessHours;
import com.voicecore.domain.model.schedule.BusinessSchedule;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.domain.model.spam.SpamRule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a new tenant starts with, so that its first call can be answered: departments (the first
 * is the reception) with extension blocks of a hundred, weekday business hours in its time zone, a
 * receptionist greeting in its languages, spam rules against common robocall scripts, and its plan.
 */
public record TenantDefaults(List<Department> departments, BusinessSchedule schedule, List<BusinessHours> hours,
                             ReceptionistSettings receptionist, List<SpamRule> spamRules, Plan plan) {

    public static final List<String> DEPARTMENTS = List.of("Reception", "Sales", "Support");
    public static final String VOICE = "Polly.Joanna";
    private static final int EXTENSION_BLOCK = 100;
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** A voice that speaks the tenant's default language (an English voice would mangle Spanish). */
    static String voiceFor(String language) {
        String code = com.voicecore.domain.model.conversation.LanguageCode.normalise(language);
        return com.voicecore.domain.model.conversation.Phrasebook.speaks(code)
                ? com.voicecore.domain.model.conversation.Phrasebook.spoken(code).voice() : VOICE;
    }

    public static TenantDefaults forCompany(String companyName, ZoneId zone, List<String> languages,
                                            List<String> departmentNames, String planCode, int includedMinutes) {
        List<Department> departments = new ArrayList<>();
        for (int i = 0; i < departmentNames.size(); i++) {
            // 100-199, 200-299, ... while blocks of three digits last; later departments take any extension
            int first = EXTENSION_BLOCK * (i + 1);
            ExtensionRange block = first + EXTENSION_BLOCK - 1 <= 999 ? ExtensionRange.of(first, first + EXTENSION_BLOCK - 1) : null;
            departments.add(new Department(departmentNames.get(i), null, block, i == 0));
        }
        BusinessSchedule schedule = new BusinessSchedule(null, zone);
        List<BusinessHours> hours = WEEKDAYS.stream()
                .map(day -> new BusinessHours(schedule, day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
        ReceptionistSettings receptionist = new ReceptionistSettings(companyName,
                "Thank you for calling " + companyName + ". How can I help you today?", languages, voiceFor(languages.get(0)));
        List<SpamRule> spamRules = List.of(
                new SpamRule(SpamRule.Type.PATTERN, "^\\+?1?(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$", SpamRule.Action.CHALLENGE, 40,
                        "The same digit over and over: a typical spoofed number"),
                new SpamRule(SpamRule.Type.KEYWORD, "extended warranty", SpamRule.Action.FLAG, 30,
                        "Extended-warranty robocall script"),
                new SpamRule(SpamRule.Type.KEYWORD, "social security number", SpamRule.Action.FLAG, 30,
                        "Government impersonation script"));
        Plan plan = new Plan(planCode, includedMinutes, Plan.Degradation.VOICEMAIL_ONLY);
        return new TenantDefaults(List.copyOf(departments), schedule, hours, receptionist, spamRules, plan);
    }

    /** In the order they can be stored (a schedule before its hours). */
    public List<Object> entities() {
        return Stream.of(departments.stream(), Stream.of(schedule), hours.stream(), Stream.of(receptionist),
                spamRules.stream(), Stream.of(plan)).flatMap(s -> s.map(Object.class::cast)).toList();
    }
}
