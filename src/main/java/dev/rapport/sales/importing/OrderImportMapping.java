package dev.rapport.sales.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column holds which order field. Guessed from the headers (English and Chinese names as ERP
 * exports write them) and changeable before the import starts. Stored as "field=column;..." text.
 */
final class OrderImportMapping {

    static final List<String> FIELDS = List.of("customerKey", "orderNumber", "orderDate", "currency", "total",
            "description", "quantity", "unitPrice", "discount", "taxRate");

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "customerKey", List.of("customer", "customer id", "customer key", "external id", "credit code", "phone", "email",
                    "e-mail", "客户", "客户编号", "客户编码", "统一社会信用代码", "信用代码", "电话", "手机", "邮箱"),
            "orderNumber", List.of("order number", "order no", "order", "number", "so number", "订单号", "订单编号", "单号"),
            "orderDate", List.of("order date", "date", "订单日期", "下单日期", "日期"),
            "currency", List.of("currency", "币种", "货币"),
            "total", List.of("total", "amount", "order total", "总额", "金额", "订单金额", "合计"),
            "description", List.of("description", "product", "item", "产品", "商品", "品名", "描述"),
            "quantity", List.of("quantity", "qty", "数量"),
            "unitPrice", List.of("unit price", "price", "单价"),
            "discount", List.of("discount", "discount %", "折扣"),
            "taxRate", List.of("tax rate", "tax", "vat", "税率"));

    private OrderImportMapping() {
    }

    static Map<String, Integer> guess(List<String> headers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            for (int i = 0; i < headers.size(); i++) {
                String h = headers.get(i).toLowerCase(Locale.ROOT).replace('_', ' ').trim();
                if (!out.containsValue(i) && (h.equalsIgnoreCase(field) || SYNONYMS.get(field).contains(h))) {
                    out.put(field, i);
                    break;
                }
            }
        }
        return out;
    }

    /** Applies changes given as field → header name (blank = unmapped). */
    static Map<String, Integer> change(Map<String, Integer> mapping, Map<String, String> changes, List<String> headers) {
        Map<String, Integer> out = new LinkedHashMap<>(mapping);
        changes.forEach((field, header) -> {
            if (FIELDS.contains(field)) {
                int i = header == null ? -1 : headers.indexOf(header.trim());
                if (i < 0) {
                    out.remove(field);
                } else {
                    out.put(field, i);
                }
            }
        });
        return out;
    }

    static String format(Map<String, Integer> mapping) {
        StringBuilder s = new StringBuilder();
        mapping.forEach((k, v) -> s.append(s.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return s.toString();
    }

    static Map<String, Integer> parse(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(";")) {
                String[] kv = part.split("=", 2);
                out.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return out;
    }
}
