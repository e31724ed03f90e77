package dev.rapport.sales;

import java.util.List;

/** What an admin gives for an assignment rule; a null position puts it last, a null appliesTo means leads. */
public record AssignmentRuleInput(String name, Integer position, Boolean active, String matchProvince, String matchCity,
                                  String matchIndustry, String matchSource, String strategy, List<Long> userIds,
                                  String appliesTo) {
}
