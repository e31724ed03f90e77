package dev.rapport.customers.web;

import dev.rapport.customers.CustomerInput;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The HTML form for a customer; entities never bind to forms. */
public class CustomerForm {

    private String type = "organization";
    private String name;
    private String phone;
    private String email;
    private String creditCode;
    private String province;
    private String city;
    private String district;
    private String street;
    private String industry;
    private String source;
    private String tags;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;
    private String status = "potential";
    private String tier = "unrated";
    private Long ownerId;
    private String externalId;
    private String notes;
    private Long version;
    private boolean confirmDuplicate;
    private Map<String, String> cf = new HashMap<>();

    static CustomerForm of(CustomerInput in, long version) {
        CustomerForm f = new CustomerForm();
        f.type = in.type();
        f.name = in.name();
        f.phone = in.phone();
        f.email = in.email();
        f.creditCode = in.creditCode();
        f.province = in.province();
        f.city = in.city();
        f.district = in.district();
        f.street = in.street();
        f.industry = in.industry();
        f.source = in.source();
        f.tags = in.tags() == null ? null : String.join(", ", in.tags());
        f.birthday = in.birthday();
        f.status = in.status();
        f.tier = in.tier();
        f.ownerId = in.ownerId();
        f.externalId = in.externalId();
        f.notes = in.notes();
        f.cf = new HashMap<>(in.customFields() == null ? Map.of() : in.customFields());
        f.version = version;
        return f;
    }

    CustomerInput toInput() {
        List<String> tagList = tags == null ? null : Arrays.asList(tags.split("[,，;；]"));
        return new CustomerInput(type, name, phone, email, creditCode, province, city, district, street, industry, source,
                tagList, "individual".equals(type) ? birthday : null, status, tier, ownerId, externalId, notes, cf);
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getProvince() { return province; }
    public void setProvince(String province) { this.province = province; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public LocalDate getBirthday() { return birthday; }
    public void setBirthday(LocalDate birthday) { this.birthday = birthday; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public boolean isConfirmDuplicate() { return confirmDuplicate; }
    public void setConfirmDuplicate(boolean confirmDuplicate) { this.confirmDuplicate = confirmDuplicate; }
    public Map<String, String> getCf() { return cf; }
    public void setCf(Map<String, String> cf) { this.cf = cf; }
}
