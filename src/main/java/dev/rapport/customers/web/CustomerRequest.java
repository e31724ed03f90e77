package dev.rapport.customers.web;

import dev.rapport.customers.CustomerInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** JSON body for creating or changing a customer. */
record CustomerRequest(
        @Schema(description = "organization or individual", example = "organization") String type,
        @Schema(example = "北京星河科技有限公司") String name,
        @Schema(example = "+86 138 0013 8000") String phone,
        @Schema(example = "info@example.com") String email,
        @Schema(description = "统一社会信用代码, organizations only") String creditCode,
        String province, String city, String district, String street, String industry, String source,
        List<String> tags, LocalDate birthday,
        @Schema(description = "potential, target, current, lost, non-customer") String status,
        @Schema(description = "key-major, key-minor, ordinary, small, unrated") String tier,
        Long ownerId, String externalId, String notes, Map<String, String> customFields,
        @Schema(description = "the version you read; required on update unless If-Match is sent") Long version) {

    CustomerInput toInput() {
        return new CustomerInput(type, name, phone, email, creditCode, province, city, district, street, industry, source,
                tags, birthday, status, tier, ownerId, externalId, notes, customFields);
    }
}
