package dev.rapport.customers.importing;

import dev.rapport.customers.domain.CustomFieldDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which field each column fills. Guessed from header names of the exports people actually have
 * (Google, Outlook, Salesforce labels and API names, HubSpot labels and internal names, Chinese
 * spreadsheets and our own export) and then corrected by the user. Headers are compared without
 * case, spaces, punctuation or digits, so "E-mail 2 - Value" and "E-mail 1 - Value" both mean
 * e-mail; when several columns fill one field, the first non-blank one in the row wins.
 */
public final class ColumnMapping {

    private static final Map<String, String> COMMON = new HashMap<>();
    private static final Map<String, String> CUSTOMERS = new HashMap<>();
    private static final Map<String, String> CONTACTS = new HashMap<>();

    static {
        put(COMMON, "firstName", "firstname", "givenname", "名");
        put(COMMON, "lastName", "lastname", "familyname", "surname", "姓");
        put(COMMON, "phone", "phone", "phonenumber", "phonevalue", "mobile", "mobilephone", "mobilephonenumber",
                "businessphone", "primaryphone", "companymainphone", "homephone", "telephone", "tel", "电话", "手机",
                "手机号", "手机号码", "联系电话", "电话号码");
        put(COMMON, "email", "email", "emailaddress", "emailvalue", "mail", "邮箱", "电子邮件", "电子邮箱", "邮件");
        put(COMMON, "birthday", "birthday", "birthdate", "dateofbirth", "生日", "出生日期");
        put(COMMON, "owner", "owner", "owneremail", "负责人", "负责人email", "负责人邮箱");
        put(COMMON, "externalId", "externalid", "id", "recordid", "hsobjectid", "外部编号", "外部id");
        put(COMMON, "notes", "notes", "note", "description", "contactdescription", "备注", "说明");
        put(COMMON, "recordId", "rapportid");

        put(CUSTOMERS, "name", "name", "fullname", "displayname", "名称", "客户名称", "客户", "姓名", "accountname", "company",
                "companyname", "organizationname", "organization", "公司", "公司名称", "企业名称");
        put(CUSTOMERS, "type", "customertype", "客户类型");
        put(CUSTOMERS, "creditCode", "creditcode", "统一社会信用代码", "信用代码", "unifiedsocialcreditcode");
        put(CUSTOMERS, "province", "province", "state", "region", "stateregion", "stateprovince", "billingstate",
                "billingstateprovince", "mailingstate", "mailingstateprovince", "addressregion", "businessstate", "省", "省份");
        put(CUSTOMERS, "city", "city", "billingcity", "mailingcity", "addresscity", "businesscity", "市", "城市");
        put(CUSTOMERS, "district", "district", "区", "区县");
        put(CUSTOMERS, "street", "street", "address", "streetaddress", "billingstreet", "mailingstreet", "addressstreet",
                "businessstreet", "地址", "详细地址");
        put(CUSTOMERS, "industry", "industry", "行业");
        put(CUSTOMERS, "source", "source", "leadsource", "originalsource", "hsanalyticssource", "来源", "客户来源");
        put(CUSTOMERS, "tags", "tags", "labels", "categories", "groupmembership", "标签");
        put(CUSTOMERS, "status", "status", "状态", "客户状态");
        put(CUSTOMERS, "tier", "tier", "级别", "客户级别", "等级");
        put(CUSTOMERS, "externalId", "accountid");

        put(CONTACTS, "name", "name", "fullname", "displayname", "名称", "姓名", "联系人", "联系人姓名");
        put(CONTACTS, "company", "company", "companyname", "customerid", "customer", "accountname", "organizationname",
                "organization", "associatedcompany", "公司", "公司名称", "客户名称", "所属客户", "客户");
        put(CONTACTS, "title", "title", "jobtitle", "organizationtitle", "position", "职位", "职务");
        put(CONTACTS, "externalId", "contactid");
    }

    private static void put(Map<String, String> map, String field, String... headers) {
        for (String h : headers) {
            map.put(h, field);
        }
    }

    private ColumnMapping() {
    }

    /** Lower case without spaces, punctuation or digits; Chinese characters are kept. */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        header.toLowerCase(Locale.ROOT).codePoints()
                .filter(cp -> Character.isLetter(cp) && cp != '\uFEFF')
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * The guessed field per column ("" for columns to ignore). A header equal to a custom field's
     * key or label fills that custom field.
     */
    public static List<String> guess(RecordType type, List<String> headers, List<CustomFieldDef> customFields) {
        Map<String, String> dictionary = new HashMap<>(COMMON);
        dictionary.putAll(type == RecordType.CUSTOMERS ? CUSTOMERS : CONTACTS);
        Map<String, String> custom = new HashMap<>();
        for (CustomFieldDef d : customFields) {
            custom.put(normalize(d.key()), "cf." + d.key());
            custom.put(normalize(d.label()), "cf." + d.key());
            custom.put(normalize("cf." + d.key()), "cf." + d.key());
        }
        Set<String> normalized = new java.util.HashSet<>();
        headers.forEach(h -> normalized.add(normalize(h)));
        List<String> out = new ArrayList<>(headers.size());
        for (String header : headers) {
            String n = normalize(header);
            String field = header != null && header.trim().startsWith("cf.") ? custom.get(n) : null;
            if (field == null) {
                field = dictionary.getOrDefault(n, custom.getOrDefault(n, ""));
            }
            // Outlook's "Title" is the salutation (Mr., Dr.) when a "Job Title" column exists
            if (n.equals("title") && normalized.contains("jobtitle")) {
                field = "";
            }
            out.add(field);
        }
        return out;
    }

    /**
     * The guessed field per column for a type another module plugs in: its own header synonyms,
     * and our common ones (e-mail, phone, owner, ...) for the fields it has.
     */
    static List<String> guess(List<String> fields, Map<String, List<String>> synonyms, List<String> headers) {
        Map<String, String> dictionary = new HashMap<>();
        COMMON.forEach((header, field) -> {
            if (fields.contains(field)) {
                dictionary.put(header, field);
            }
        });
        synonyms.forEach((field, names) -> names.forEach(n -> dictionary.put(normalize(n), field)));
        Set<String> normalized = new java.util.HashSet<>();
        headers.forEach(h -> normalized.add(normalize(h)));
        List<String> out = new ArrayList<>(headers.size());
        for (String header : headers) {
            String n = normalize(header);
            // Outlook's "Title" is the salutation (Mr., Dr.) when a "Job Title" column exists
            out.add(n.equals("title") && normalized.contains("jobtitle") ? "" : dictionary.getOrDefault(n, ""));
        }
        return out;
    }

    /** Applies user choices (column header → field, "" to ignore) over a guess. */
    public static List<String> override(List<String> headers, List<String> guess, Map<String, String> choices) {
        List<String> out = new ArrayList<>(guess);
        if (choices == null) {
            return out;
        }
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            if (choices.containsKey(h)) {
                String v = choices.get(h);
                out.set(i, v == null ? "" : v.trim());
            }
        }
        return out;
    }

    /** The fields a column may map to, for checking user choices. */
    public static boolean allowed(RecordType type, String field, List<CustomFieldDef> customFields) {
        return allowed(type.entity(), type.fields(), field, customFields);
    }

    static boolean allowed(String entity, List<String> fields, String field, List<CustomFieldDef> customFields) {
        if (field == null || field.isEmpty()) {
            return true;
        }
        if (field.startsWith("cf.")) {
            String key = field.substring(3);
            return customFields.stream().anyMatch(d -> d.key().equals(key) && d.entityType().equals(entity));
        }
        return fields.contains(field);
    }

    /** Column header → field, as stored with the import and shown on the preview. */
    public static Map<String, String> asMap(List<String> headers, List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            m.putIfAbsent(headers.get(i), fields.get(i));
        }
        return m;
    }
}
