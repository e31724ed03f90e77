package dev.rapport.sales.importing;

import dev.rapport.customers.OwnerRouting;
import dev.rapport.customers.importing.ImportMode;
import dev.rapport.customers.importing.ImportSession;
import dev.rapport.customers.importing.ImportedType;
import dev.rapport.customers.importing.MappedRow;
import dev.rapport.customers.importing.MatchKey;
import dev.rapport.customers.importing.MatchedRecord;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.ChineseNames;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.InvalidInputException.FieldError;
import dev.rapport.sales.AssignmentRule;
import dev.rapport.sales.AssignmentRules;
import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadInput;
import dev.rapport.sales.domain.LeadStore;
import dev.rapport.sales.domain.LeadValidator;
import dev.rapport.sales.domain.ValidLead;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Leads (线索) through the customers' importer ({@link ImportedType}): type {@code leads} in the
 * upload form, the API and the command line. A row passes the same {@link LeadValidator} as a lead
 * typed into the form; it matches stored leads by e-mail, phone or external id (the other system's
 * id: Salesforce Lead ID, HubSpot Record ID). New leads are written in bulk; rows that name no
 * owner go to the assignment rules for leads, and the importing user owns those no rule takes.
 */
@Component
class LeadImportType implements ImportedType<LeadImportType.Row> {

    /** A valid row: the lead, its external id, and the owner its owner column named (null: route it). */
    record Row(ValidLead lead, String externalId) {
    }

    static final List<String> FIELDS = List.of("name", "firstName", "lastName", "companyName", "title", "phone", "email", "source",
            "industry", "province", "city", "description", "rating", "score", "owner", "externalId", "recordId");

    private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        // Salesforce lead report labels and API names, HubSpot labels and internal names, Google, Outlook, Chinese sheets
        HEADERS.put("name", List.of("name", "full name", "lead name", "display name", "姓名", "名称", "联系人", "联系人姓名", "线索名称"));
        HEADERS.put("firstName", List.of("first name", "firstname", "given name"));
        HEADERS.put("lastName", List.of("last name", "lastname", "family name", "surname"));
        HEADERS.put("companyName", List.of("company", "company name", "account name", "organization", "organization name",
                "organization 1 - name", "associated company", "公司", "公司名称", "企业名称", "单位"));
        HEADERS.put("title", List.of("title", "job title", "jobtitle", "organization title", "organization 1 - title", "position",
                "职位", "职务"));
        HEADERS.put("source", List.of("lead source", "leadsource", "source", "original source", "hs_analytics_source", "来源",
                "线索来源"));
        HEADERS.put("industry", List.of("industry", "行业"));
        HEADERS.put("province", List.of("state", "state/province", "state/region", "province", "region", "address 1 - region",
                "business state", "statecode", "省", "省份"));
        HEADERS.put("city", List.of("city", "address 1 - city", "business city", "市", "城市"));
        HEADERS.put("description", List.of("description", "notes", "note", "备注", "说明", "描述"));
        HEADERS.put("rating", List.of("rating", "lead rating", "评级"));
        HEADERS.put("score", List.of("score", "lead score", "hubspot score", "hubspotscore", "评分"));
        HEADERS.put("owner", List.of("owner", "lead owner", "contact owner", "hubspot_owner_id", "owner email", "负责人"));
        HEADERS.put("externalId", List.of("lead id", "record id", "hs_object_id", "id", "external id", "外部编号", "外部id"));
        HEADERS.put("phone", List.of("mobile", "mobile phone", "mobile phone number", "mobilephone", "phone number", "business phone",
                "phone 1 - value"));
        HEADERS.put("email", List.of("e-mail address", "e-mail 1 - value", "email address"));
    }

    private final LeadStore store;
    private final LeadValidator validator;
    private final AssignmentRules rules;
    private final UserManagement users;
    private final AuditLog audit;

    LeadImportType(LeadStore store, LeadValidator validator, AssignmentRules rules, UserManagement users, AuditLog audit) {
        this.store = store;
        this.validator = validator;
        this.rules = rules;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public String key() {
        return "leads";
    }

    @Override
    public String entity() {
        return "lead";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, List<String>> headers() {
        return HEADERS;
    }

    @Override
    public List<MatchKey> matchKeys() {
        return List.of(MatchKey.EMAIL, MatchKey.PHONE, MatchKey.EXTERNAL_ID);
    }

    @Override
    public Checked<Row> check(ImportSession session, MappedRow row) {
        var errors = new InvalidInputException.Collector();
        LeadInput in = input(session, row, errors);
        ValidLead valid = validator.validate(in, errors);
        String externalId = blankToNull(row.get("externalId"));
        if (externalId != null && externalId.length() > 100) {
            errors.reject("externalId", "error.tooLong", 100);
        }
        Map<MatchKey, String> keys = new EnumMap<>(MatchKey.class);
        if (valid.email() != null) {
            keys.put(MatchKey.EMAIL, valid.email());
        }
        if (valid.phoneNormalized() != null) {
            keys.put(MatchKey.PHONE, valid.phoneNormalized());
        }
        if (externalId != null) {
            keys.put(MatchKey.EXTERNAL_ID, externalId);
        }
        if (errors.hasErrors()) {
            return new Checked<>(null, errors.errors(), keys);
        }
        return new Checked<>(new Row(valid, externalId), List.of(), keys);
    }

    /** The row as the form would give it; owner text becomes a user (an unknown or inactive one is an error). */
    private LeadInput input(ImportSession session, MappedRow row, InvalidInputException.Collector errors) {
        String name = row.get("name");
        if (name == null && (row.has("firstName") || row.has("lastName"))) {
            name = joinName(row.get("firstName"), row.get("lastName"));
        }
        Long owner = null;
        String ownerText = row.get("owner");
        if (ownerText != null) {
            owner = session.owner(ownerText).filter(id -> users.find(id).filter(UserSummary::active).isPresent()).orElse(null);
            if (owner == null) {
                errors.reject("ownerId", "error.owner.invalid");
            }
        }
        Integer score = null;
        String scoreText = row.get("score");
        if (scoreText != null) {
            try {
                score = (int) Math.round(Double.parseDouble(scoreText));
            } catch (NumberFormatException e) {
                errors.reject("score", "error.lead.score");
            }
        }
        return new LeadInput(row.get("companyName"), name, row.get("title"), row.get("phone"), row.get("email"), row.get("source"),
                row.get("industry"), row.get("province"), row.get("city"), row.get("description"), row.get("rating"), score, owner);
    }

    /** Chinese names are written family name first without a space (张 + 三 → 张三). */
    static String joinName(String first, String last) {
        String f = first == null ? "" : first.trim();
        String l = last == null ? "" : last.trim();
        return ChineseNames.containsHan(f + l) ? l + f : (f + " " + l).trim();
    }

    @Override
    public Map<MatchKey, Map<String, MatchedRecord>> find(Map<MatchKey, Set<String>> values) {
        Map<MatchKey, Map<String, MatchedRecord>> out = new EnumMap<>(MatchKey.class);
        values.forEach((key, vals) -> {
            String column = switch (key) {
                case EMAIL -> "email";
                case PHONE -> "phone_normalized";
                case EXTERNAL_ID -> "external_id";
                default -> null;
            };
            Map<String, MatchedRecord> found = new HashMap<>();
            if (column != null) {
                store.matching(column, vals).forEach((v, idOwner) -> found.put(v, new MatchedRecord(idOwner[0], idOwner[1])));
            }
            out.put(key, found);
        });
        return out;
    }

    @Override
    public Map<Long, MatchedRecord> byIds(Collection<Long> ids) {
        Map<Long, MatchedRecord> out = new HashMap<>();
        store.owners(ids).forEach((id, owner) -> out.put(id, new MatchedRecord(id, owner)));
        return out;
    }

    @Override
    public Map<Long, List<FieldError>> write(ImportSession session, List<Row> inserts, List<Update> updates) {
        insert(session, inserts);
        return session.mode() == ImportMode.UPDATE ? update(session, updates) : Map.of();
    }

    /** New leads in one bulk insert; rows without an owner are routed as one batch, and audited per rule. */
    private void insert(ImportSession session, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> unowned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).lead().ownerId() == null) {
                unowned.add(i);
            }
        }
        List<AssignmentRules.Assignment> routed = unowned.isEmpty() ? List.of() : rules.routeAll(AssignmentRule.LEADS,
                unowned.stream().map(rows::get).map(r -> new OwnerRouting.Territory(r.lead().province(), r.lead().city(),
                        r.lead().industry(), r.lead().source())).toList());
        Map<Integer, AssignmentRules.Assignment> byRow = new HashMap<>();
        for (int k = 0; k < unowned.size(); k++) {
            if (routed.get(k) != null) {
                byRow.put(unowned.get(k), routed.get(k));
            }
        }
        long importer = session.user().id();
        List<LeadStore.NewLead> news = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            AssignmentRules.Assignment a = byRow.get(i);
            long owner = r.lead().ownerId() != null ? r.lead().ownerId() : a != null ? a.ownerId() : importer;
            news.add(new LeadStore.NewLead(r.lead(), owner, a == null ? null : a.ruleId(), r.externalId()));
        }
        List<Long> ids = store.insertAll(news, importer);
        audit.recordBulk("lead", ids, "import", importer, null, null, session.fileName());
        Map<String, List<Long>> byRule = new LinkedHashMap<>();
        byRow.forEach((i, a) -> byRule.computeIfAbsent("assigned by rule " + a.ruleName() + " (#" + a.ruleId() + ")",
                x -> new ArrayList<>()).add(ids.get(i)));
        byRule.forEach((why, list) -> audit.recordBulk("lead", list, "assign", importer, null, null, why));
    }

    /**
     * Update mode: the row's values laid over the stored lead, checked again as a whole. Updates are
     * few next to inserts (a re-run of a changed file), so they are written one by one, each with
     * its audited changes. A converted lead is not changed, nor is a pool lead's owner.
     */
    private Map<Long, List<FieldError>> update(ImportSession session, List<Update> updates) {
        Map<Long, List<FieldError>> refused = new HashMap<>();
        if (updates.isEmpty()) {
            return refused;
        }
        Map<Long, LeadDetails> stored = store.findAll(updates.stream().map(Update::id).toList()).stream()
                .collect(Collectors.toMap(LeadDetails::id, Function.identity()));
        for (Update u : updates) {
            LeadDetails old = stored.get(u.id());
            var errors = new InvalidInputException.Collector();
            if (old == null) {
                errors.reject("row", "error.import.notVisible");
            } else if (old.converted()) {
                errors.reject("status", "error.lead.converted");
            }
            if (errors.hasErrors()) {
                refused.put(u.row().line(), errors.errors());
                continue;
            }
            LeadInput merged = overlay(old, input(session, u.row(), errors));
            ValidLead valid = validator.validate(merged, errors);
            String externalId = blankToNull(u.row().get("externalId"));
            if (errors.hasErrors()) {
                refused.put(u.row().line(), errors.errors());
                continue;
            }
            Long owner = valid.ownerId() != null ? valid.ownerId() : old.ownerId();
            store.update(old.id(), old.version(), valid, owner);
            if (externalId != null && !externalId.equals(old.externalId())) {
                store.setExternalId(old.id(), externalId);
            }
            if (!Objects.equals(owner, old.ownerId())) {
                store.restartOwnership(old.id());
            }
            audit.recordChanges("lead", old.id(), "import", session.user().id(), changes(old, valid, owner, externalId));
        }
        return refused;
    }

    private static LeadInput overlay(LeadDetails old, LeadInput row) {
        return new LeadInput(or(row.company(), old.company()), or(row.name(), old.name()), or(row.title(), old.title()),
                or(row.phone(), old.phone()), or(row.email(), old.email()), or(row.source(), old.source()),
                or(row.industry(), old.industry()), or(row.province(), old.province()), or(row.city(), old.city()),
                or(row.description(), old.description()), or(row.rating(), old.rating()),
                row.score() != null ? row.score() : old.score(), row.ownerId());
    }

    private static List<AuditLog.Change> changes(LeadDetails old, ValidLead valid, Long owner, String externalId) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("company", old.company());
        before.put("name", old.name());
        before.put("title", old.title());
        before.put("phone", old.phone());
        before.put("email", old.email());
        before.put("source", old.source());
        before.put("industry", old.industry());
        before.put("province", old.province());
        before.put("city", old.city());
        before.put("description", old.description());
        before.put("rating", old.rating());
        before.put("score", old.score());
        List<AuditLog.Change> out = new ArrayList<>();
        valid.fields().forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                out.add(new AuditLog.Change(k, before.get(k), v));
            }
        });
        if (!Objects.equals(owner, old.ownerId())) {
            out.add(new AuditLog.Change("owner_id", old.ownerId(), owner));
        }
        if (externalId != null && !externalId.equals(old.externalId())) {
            out.add(new AuditLog.Change("external_id", old.externalId(), externalId));
        }
        return out;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
