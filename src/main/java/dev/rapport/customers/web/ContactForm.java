package dev.rapport.customers.web;

import dev.rapport.customers.ContactInput;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The HTML form for a contact. */
public class ContactForm {

    private Long customerId;
    private String name;
    private String title;
    private String phone;
    private String email;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;
    private Long ownerId;
    private String externalId;
    private String notes;
    private Long version;
    private Map<String, String> cf = new HashMap<>();

    static ContactForm of(ContactInput in, long version) {
        ContactForm f = new ContactForm();
        f.customerId = in.customerId();
        f.name = in.name();
        f.title = in.title();
        f.phone = in.phone();
        f.email = in.email();
        f.birthday = in.birthday();
        f.ownerId = in.ownerId();
        f.externalId = in.externalId();
        f.notes = in.notes();
        f.cf = new HashMap<>(in.customFields() == null ? Map.of() : in.customFields());
        f.version = version;
        return f;
    }

    ContactInput toInput() {
        return new ContactInput(customerId, name, title, phone, email, birthday, ownerId, externalId, notes, cf);
    }

    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public LocalDate getBirthday() { return birthday; }
    public void setBirthday(LocalDate birthday) { this.birthday = birthday; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Map<String, String> getCf() { return cf; }
    public void setCf(Map<String, String> cf) { this.cf = cf; }
}
