package dev.rapport.customers;

import dev.rapport.customers.domain.CreditCode;

/** 统一社会信用代码 rules for other modules (demo data, tests): validity and the check character. */
public final class CreditCodes {

    private CreditCodes() {
    }

    public static boolean isValid(String code) {
        return CreditCode.isValid(code);
    }

    /** Appends the check character to the first 17 characters. */
    public static String withCheckDigit(String first17) {
        return CreditCode.withCheckDigit(first17);
    }
}
