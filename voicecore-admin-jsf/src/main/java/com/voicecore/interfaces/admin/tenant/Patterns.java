package com.voicecore.interfaces.admin.tenant;

/** The value objects' own formats, as Bean Validation patterns for the forms (the same rules, checked as the user types). */
final class Patterns {

    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String EMAIL_MESSAGE = "That is not an e-mail address (name@example.com)";
    static final String PHONE = "\\+[1-9][0-9]{6,14}";
    static final String PHONE_MESSAGE = "A phone number is in E.164 form: + and country code, e.g. +14155550123";
    static final String EXTENSION = "[1-9][0-9]{1,5}";
    static final String EXTENSION_MESSAGE = "An extension has 2 to 6 digits and does not start with 0";

    private Patterns() {
    }
}
