package dev.rapport.sales;

import dev.rapport.platform.BulkInsert;
import dev.rapport.sales.domain.ClosedTotals;
import dev.rapport.sales.domain.PipelineStore;
import dev.rapport.sales.domain.OpportunitySearchText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Loads many opportunities that a trusted program produced (demo data, benchmarks) with COPY on
 * PostgreSQL and JDBC batches elsewhere, with their first stage-history row. The stage must
 * belong to the pipeline and decides the status; closed ones get {@code closedAt} (or their
 * creation time). Nothing is audited: there is no human change to record. Call inside a transaction.
 */
@Service
public class OpportunityBulkLoad {

    /** An opportunity to load; customer and owner ids are trusted. */
    public record NewOpportunity(String name, long customerId, long pipelineId, long stageId, BigDecimal amount, String currency,
                                 LocalDate expectedCloseDate, long ownerId, String lossReason, Instant createdAt, Instant closedAt) {
    }

    private static final List<String> COLUMNS = List.of("name", "customer_id", "pipeline_id", "stage_id", "amount", "currency",
            "expected_close_date", "owner_id", "loss_reason", "status", "closed_at", "created_by", "search_text", "version",
            "created_at", "updated_at");
    private static final List<String> HISTORY_COLUMNS = List.of("opportunity_id", "from_stage_id", "to_stage_id", "amount",
            "currency", "changed_by", "changed_at");

    private final BulkInsert bulk;
    private final PipelineStore pipelines;
    private final ClosedTotals closedTotals;

    OpportunityBulkLoad(BulkInsert bulk, PipelineStore pipelines, ClosedTotals closedTotals) {
        this.bulk = bulk;
        this.pipelines = pipelines;
        this.closedTotals = closedTotals;
    }

    /** The pipelines with their stages, to plan a load. */
    public List<Pipeline> pipelines() {
        return pipelines.all();
    }

    /** Inserts the opportunities and returns their ids in order. */
    public List<Long> insert(List<NewOpportunity> batch) {
        List<Pipeline> all = pipelines.all();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (NewOpportunity n : batch) {
            Stage stage = all.stream().filter(p -> p.id() == n.pipelineId()).map(p -> p.stage(n.stageId())).findFirst().orElse(null);
            if (stage == null || !OpportunityRules.isCurrency(n.currency())) {
                throw new IllegalArgumentException("no such stage or currency: " + n);
            }
            Instant closed = stage.isOpen() ? null : n.closedAt() == null ? n.createdAt() : n.closedAt();
            Instant updated = closed == null ? n.createdAt() : closed;
            rows.add(new Object[] {n.name(), n.customerId(), n.pipelineId(), n.stageId(), n.amount().setScale(2, RoundingMode.HALF_UP),
                    n.currency(), n.expectedCloseDate(), n.ownerId(), stage.kind().equals("lost") ? n.lossReason() : null,
                    stage.kind(), closed, n.ownerId(), OpportunitySearchText.of(n.name()), 0L, n.createdAt(), updated});
        }
        List<Long> ids = bulk.insert("opportunities", COLUMNS, rows);
        List<Object[]> history = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewOpportunity n = batch.get(i);
            history.add(new Object[] {ids.get(i), null, n.stageId(), n.amount(), n.currency(), n.ownerId(), n.createdAt()});
        }
        bulk.append("opportunity_stage_history", HISTORY_COLUMNS, history);
        return ids;
    }

    /** Call once when a load is done, with no other writers: recounts the board's rollup of closed deals. */
    public void finish() {
        closedTotals.rebuild();
    }
}
