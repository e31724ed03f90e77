package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.AuditLog.Change;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.OpportunityStore;
import dev.rapport.sales.domain.PipelineStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipelines (销售流程) and their stages. Anyone who may view opportunities may read them; changing
 * them needs {@code pipeline:manage}. Rules: a stage's probability is 0–100; a pipeline keeps at
 * least one open stage; a stage is removed only when no opportunity sits in it, unless its
 * opportunities are moved to another stage of the same pipeline first.
 */
@Service
public class PipelineManagement {

    public static final String MANAGE = "pipeline:manage";

    private final PipelineStore store;
    private final OpportunityStore opportunities;
    private final AuditLog audit;
    private final Clock clock;

    PipelineManagement(PipelineStore store, OpportunityStore opportunities, AuditLog audit, Clock clock) {
        this.store = store;
        this.opportunities = opportunities;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Pipeline> all(CurrentUser user) {
        requireReader(user);
        return store.all();
    }

    public Pipeline get(CurrentUser user, long id) {
        requireReader(user);
        return store.find(id).orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    /** The default pipeline (the board opens on it). */
    public Pipeline defaultPipeline(CurrentUser user) {
        requireReader(user);
        return store.defaultId().flatMap(store::find).orElseGet(() -> store.all().get(0));
    }

    private static void requireReader(CurrentUser user) {
        if (!user.can("opportunity", "view") && !user.can(MANAGE)) {
            user.require("opportunity", "view");
        }
    }

    /** Creates a pipeline with the given stages (at least one open). */
    @Transactional
    public Pipeline create(CurrentUser user, String name, List<StageInput> stages) {
        user.require(MANAGE);
        String n = checkName("name", name);
        if (stages == null || stages.stream().noneMatch(s -> StageKind.OPEN.key().equalsIgnoreCase(String.valueOf(s.kind())))) {
            throw new InvalidInputException("stages", "error.pipeline.needsOpenStage");
        }
        stages.forEach(PipelineManagement::check);
        long id = store.insert(n, clock.instant());
        int position = 1;
        for (StageInput s : stages) {
            store.insertStage(id, s.name().trim(), s.position() == null ? position : s.position(), s.probability(),
                    StageKind.parse(s.kind()).key());
            position++;
        }
        audit.recordChanges("pipeline", id, "create", user.id(), List.of(new Change("name", null, n)));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Pipeline rename(CurrentUser user, long id, long expectedVersion, String name) {
        user.require(MANAGE);
        Pipeline p = store.find(id).orElseThrow(() -> new NotFoundException("pipeline", id));
        String n = checkName("name", name);
        store.rename(id, expectedVersion, n);
        audit.recordChanges("pipeline", id, "update", user.id(), List.of(new Change("name", p.name(), n)));
        return store.find(id).orElseThrow();
    }

    /** Adds a stage ({@code input.id} null) or changes one; the stage's version must match. */
    @Transactional
    public Pipeline saveStage(CurrentUser user, long pipelineId, StageInput input) {
        user.require(MANAGE);
        Pipeline p = store.find(pipelineId).orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
        check(input);
        String kind = StageKind.parse(input.kind()).key();
        if (input.id() == null) {
            int position = input.position() != null ? input.position() : p.stages().size() + 1;
            long id = store.insertStage(pipelineId, input.name().trim(), position, input.probability(), kind);
            audit.recordChanges("stage", id, "create", user.id(), List.of(new Change("name", null, input.name().trim()),
                    new Change("pipeline_id", null, pipelineId)));
        } else {
            Stage old = p.stage(input.id());
            if (old == null) {
                throw new NotFoundException("stage", input.id());
            }
            if (input.version() != null && input.version() != old.version()) {
                throw new StaleVersionException("stage", old.version());
            }
            if (!kind.equals(old.kind()) && opportunities.anyInStage(old.id())) {
                throw new InvalidInputException("kind", "error.pipeline.kindInUse");
            }
            if (!kind.equals(StageKind.OPEN.key()) && p.stages().stream().noneMatch(s -> s.id() != old.id() && s.isOpen())) {
                throw new InvalidInputException("kind", "error.pipeline.needsOpenStage");
            }
            int position = input.position() == null ? old.position() : input.position();
            store.updateStage(old.id(), old.version(), input.name().trim(), position, input.probability(), kind);
            audit.recordChanges("stage", old.id(), "update", user.id(), List.of(new Change("name", old.name(), input.name().trim()),
                    new Change("position", old.position(), position), new Change("probability", old.probability(), input.probability()),
                    new Change("kind", old.kind(), kind)));
        }
        store.touch(pipelineId);
        return store.find(pipelineId).orElseThrow();
    }

    /**
     * Removes a stage. When opportunities sit in it, {@code moveToStageId} (another stage of the
     * same pipeline, of the same kind) must name where they go; otherwise the removal is refused.
     */
    @Transactional
    public Pipeline removeStage(CurrentUser user, long pipelineId, long stageId, Long moveToStageId) {
        user.require(MANAGE);
        Pipeline p = store.find(pipelineId).orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
        Stage stage = p.stage(stageId);
        if (stage == null) {
            throw new NotFoundException("stage", stageId);
        }
        if (stage.isOpen() && p.stages().stream().noneMatch(s -> s.id() != stageId && s.isOpen())) {
            throw new InvalidInputException("stageId", "error.pipeline.needsOpenStage");
        }
        if (opportunities.anyInStage(stageId)) {
            Stage target = moveToStageId == null ? null : p.stage(moveToStageId);
            if (target == null || target.id() == stageId || !target.kind().equals(stage.kind())) {
                throw new InvalidInputException("moveToStageId", "error.pipeline.stageInUse");
            }
            List<Long> moved = opportunities.idsInStage(stageId);
            opportunities.moveStage(stageId, target.id(), target.kind(), clock.instant());
            audit.recordBulk("opportunity", moved, "update", user.id(), "stage_id", null, String.valueOf(target.id()));
        }
        store.deleteStage(stageId);
        store.touch(pipelineId);
        audit.record("stage", stageId, "delete", user.id(), stage.name());
        return store.find(pipelineId).orElseThrow();
    }

    private static void check(StageInput s) {
        var errors = new InvalidInputException.Collector();
        if (s.name() == null || s.name().isBlank()) {
            errors.reject("name", "error.required");
        } else if (s.name().trim().length() > 100) {
            errors.reject("name", "error.tooLong", 100);
        }
        if (s.probability() == null || s.probability() < 0 || s.probability() > 100) {
            errors.reject("probability", "error.pipeline.probability");
        }
        if (StageKind.parse(s.kind()) == null) {
            errors.reject("kind", "error.pipeline.kind");
        }
        if (s.position() != null && (s.position() < 0 || s.position() > 1000)) {
            errors.reject("position", "error.pipeline.position");
        }
        errors.throwIfAny();
    }

    private static String checkName(String field, String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new InvalidInputException(field, "error.required");
        }
        if (n.length() > 100) {
            throw new InvalidInputException(field, "error.tooLong", 100);
        }
        return n;
    }
}
