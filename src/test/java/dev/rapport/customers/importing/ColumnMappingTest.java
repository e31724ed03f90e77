package dev.rapport.customers.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static List<String> guess(RecordType type, String headerLine) {
        return ColumnMapping.guess(type, List.of(headerLine.split(",", -1)), List.of());
    }

    @Test
    void mapsGoogleContactsHeaders() {
        List<String> f = guess(RecordType.CONTACTS, "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,"
                + "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value");
        assertThat(f).containsExactly("firstName", "", "lastName", "company", "title", "birthday", "notes", "", "", "email", "email",
                "", "phone");
    }

    @Test
    void mapsOutlookHeadersAndIgnoresTheSalutationTitle() {
        List<String> f = guess(RecordType.CONTACTS, "Title,First Name,Last Name,Company,Job Title,Business Phone,Mobile Phone,"
                + "E-mail Address,E-mail 2 Address,Birthday,Notes");
        assertThat(f).containsExactly("", "firstName", "lastName", "company", "title", "phone", "phone", "email", "email", "birthday",
                "notes");
    }

    @Test
    void mapsSalesforceLabelsAndApiNames() {
        assertThat(guess(RecordType.CUSTOMERS, "Account ID,Account Name,Industry,Phone,Billing Street,Billing City,"
                + "Billing State/Province,Description"))
                .containsExactly("externalId", "name", "industry", "phone", "street", "city", "province", "notes");
        assertThat(guess(RecordType.CONTACTS, "Contact ID,First Name,Last Name,Title,Account Name,Email,Mobile,Birthdate"))
                .containsExactly("externalId", "firstName", "lastName", "title", "company", "email", "phone", "birthday");
        assertThat(guess(RecordType.CONTACTS, "Id,AccountId,LastName,FirstName,Phone,MobilePhone,Email,Title,Birthdate,Description"))
                .containsExactly("externalId", "", "lastName", "firstName", "phone", "phone", "email", "title", "birthday", "notes");
    }

    @Test
    void mapsHubSpotLabelsAndInternalNames() {
        assertThat(guess(RecordType.CONTACTS, "Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Company Name,Job Title"))
                .containsExactly("externalId", "firstName", "lastName", "email", "phone", "", "company", "title");
        assertThat(guess(RecordType.CUSTOMERS, "hs_object_id,firstname,lastname,email,phone,company,address,city,state,hs_analytics_source"))
                .containsExactly("externalId", "firstName", "lastName", "email", "phone", "name", "street", "city", "province", "source");
    }

    @Test
    void mapsChineseHeaders() {
        assertThat(guess(RecordType.CUSTOMERS, "客户名称,电话,手机,邮箱,统一社会信用代码,省,市,区,地址,行业,来源,标签,生日,状态,级别,负责人(email),备注,外部编号"))
                .containsExactly("name", "phone", "phone", "email", "creditCode", "province", "city", "district", "street", "industry",
                        "source", "tags", "birthday", "status", "tier", "owner", "notes", "externalId");
        assertThat(guess(RecordType.CONTACTS, "名称,公司,电话")).containsExactly("name", "company", "phone");
    }

    @Test
    void mapsOurOwnExportHeaders() {
        assertThat(ColumnMapping.guess(RecordType.CUSTOMERS, RecordExport.CUSTOMER_COLUMNS, List.of()))
                .containsExactly("recordId", "type", "name", "phone", "email", "creditCode", "province", "city", "district", "street",
                        "industry", "source", "tags", "birthday", "status", "tier", "owner", "externalId", "notes");
        assertThat(ColumnMapping.guess(RecordType.CONTACTS, RecordExport.CONTACT_COLUMNS, List.of()))
                .containsExactly("recordId", "name", "company", "company", "title", "phone", "email", "birthday", "owner", "externalId",
                        "notes");
    }

    @Test
    void detectsSeparators() {
        assertThat(CsvSource.separator("a;b;c\n1;2;3")).isEqualTo(';');
        assertThat(CsvSource.separator("a\tb\tc")).isEqualTo('\t');
        assertThat(CsvSource.separator("\"x;y\",b,c")).isEqualTo(',');
    }

    @Test
    void joinsChineseNamesFamilyFirst() {
        assertThat(InputBuilder.joinName("三", "张")).isEqualTo("张三");
        assertThat(InputBuilder.joinName("Ada", "Lovelace")).isEqualTo("Ada Lovelace");
    }
}
