package dev.rapport.customers.query;

import dev.rapport.customers.domain.Normalizer;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.ChineseNames;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What one search term means, for customers and contacts alike: a substring of the stored search
 * text for 3+ characters (trigram-indexed on PostgreSQL), a word prefix for 1–2 (initials such
 * as "zs"); Chinese text also through its pinyin, which the search text holds too (a trigram index
 * cannot serve a two-character term such as 张伟: on PostgreSQL such a term is found through an
 * index of the Han bigrams of the search text; other short Chinese terms through their pinyin, the
 * Chinese condition then keeps only the exact matches).
 *
 * <p>On the embedded database the same match is made in memory by {@link EmbeddedSearchIndex}
 * and the condition becomes a list of ids.
 */
@Component
class SearchCondition {

    /** One term, ready for SQL {@code like} and for matching in memory. */
    record Term(String like, String pinyinLike1, String pinyinLike2) {
    }

    private final Normalizer normalizer;
    private final EmbeddedSearchIndex embedded;

    SearchCondition(Normalizer normalizer, EmbeddedSearchIndex embedded) {
        this.normalizer = normalizer;
        this.embedded = embedded;
    }

    /** True on the embedded database, where a term is matched in memory and becomes a list of ids. */
    boolean inMemory() {
        return embedded.enabled();
    }

    Term term(String q) {
        String term = normalizer.searchTerm(q);
        String escaped = CustomerQuery.escapeLike(term);
        boolean han = ChineseNames.containsHan(term);
        String like = escaped.length() >= 3 || han ? "%" + escaped + "%" : "% " + escaped + "%";
        if (!han) {
            return new Term(like, null, null);
        }
        return new Term(like, "%" + CustomerQuery.escapeLike(ChineseNames.pinyin(term, true)) + "%",
                "%" + CustomerQuery.escapeLike(ChineseNames.pinyin(term, false)) + "%");
    }

    /**
     * True when the term's index has statistics good enough for the planner to choose between it
     * and walking the newest rows: a Han bigram on PostgreSQL (the array statistics know how many
     * rows hold 张伟, about 150 of 1M customers, or 科技, tens of thousands). The newest-rows window
     * (5,000 full rows, 8–18 ms) is then no help: 张伟 takes 0.7 ms from the bigram index, 科技 0.6
     * ms walking the primary key.
     */
    boolean plannerChooses(String q) {
        return !embedded.enabled() && isHanBigram(normalizer.searchTerm(q));
    }

    /**
     * Two adjacent Han characters of the range the PostgreSQL index function
     * {@code rapport_han_bigrams} indexes (migration V20261125_1001).
     */
    static boolean isHanBigram(String typed) {
        return typed.length() == 2 && hanIndexed(typed.charAt(0)) && hanIndexed(typed.charAt(1));
    }

    private static boolean hanIndexed(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }

    /**
     * The condition on {@code alias} (a row of {@code table}: customers or contacts) for a user who
     * sees {@code scope}, its parameters added to {@code params}.
     */
    String sql(String q, String table, String alias, OwnerScope scope, Map<String, Object> params) {
        Term term = term(q);
        if (embedded.enabled()) {
            List<Long> ids = embedded.matching(table, term, scope);
            if (ids.isEmpty()) {
                return "1 = 0";
            }
            params.put("qids", ids);
            return alias + ".id in (:qids)";
        }
        String condition;
        String typed = normalizer.searchTerm(q);
        if (isHanBigram(typed)) {
            // two Chinese characters: one entry of the bigram index (about 1,600 rows for 张伟 among
            // 2M contacts) instead of the pinyin's common trigrams; strpos first, so a row the planner
            // reads walking the primary key (a common pair such as 科技) gets the cheap test first
            params.put("qexact", typed);
            return "strpos(" + alias + ".search_text, :qexact) > 0 and rapport_han_bigrams(" + alias
                    + ".search_text) @> array[cast(:qexact as text)]";
        }
        if (term.pinyinLike1() != null && typed.length() < 3) {
            // a two-character Chinese term yields no trigram, and a LIKE without one makes the
            // trigram index read every entry (21 ms for 科技 among 2M contacts): the pinyin finds
            // the candidates, the exact characters are checked on them only
            params.put("qexact", typed);
            condition = "strpos(" + alias + ".search_text, :qexact) > 0";
        } else {
            params.put("q", term.like());
            condition = alias + ".search_text like :q";
        }
        if (term.pinyinLike1() != null) {
            params.put("qpy1", term.pinyinLike1());
            if (term.pinyinLike1().equals(term.pinyinLike2())) {
                condition = alias + ".search_text like :qpy1 and " + condition;
            } else {
                params.put("qpy2", term.pinyinLike2());
                condition = "(" + alias + ".search_text like :qpy1 or " + alias + ".search_text like :qpy2) and " + condition;
            }
        }
        return condition;
    }
}
