package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineManagement;
import dev.rapport.sales.StageInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Pipelines", description = "Sales pipelines (销售流程) and their stages; changes need pipeline:manage")
class PipelineApiController {

    record PipelineRequest(String name, List<StageInput> stages, Long version) {
    }

    private final PipelineManagement pipelines;
    private final UserManagement users;

    PipelineApiController(PipelineManagement pipelines, UserManagement users) {
        this.pipelines = pipelines;
        this.users = users;
    }

    @Operation(summary = "All pipelines with their stages, the default first")
    @GetMapping
    List<Pipeline> list() {
        return pipelines.all(users.current());
    }

    @GetMapping("/{id}")
    ResponseEntity<Pipeline> get(@PathVariable long id) {
        Pipeline p = pipelines.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Create a pipeline with its stages (name, probability 0–100, kind open/won/lost, position)")
    @PostMapping
    ResponseEntity<Pipeline> create(@RequestBody PipelineRequest request) {
        Pipeline p = pipelines.create(users.current(), request.name(), request.stages());
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + p.id())).eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Rename a pipeline; send its version")
    @PutMapping("/{id}")
    Pipeline rename(@PathVariable long id, @RequestBody PipelineRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return pipelines.rename(users.current(), id, request.version(), request.name());
    }

    @Operation(summary = "Add a stage")
    @PostMapping("/{id}/stages")
    ResponseEntity<Pipeline> addStage(@PathVariable long id, @RequestBody StageInput stage) {
        StageInput s = new StageInput(null, stage.name(), stage.position(), stage.probability(), stage.kind(), null);
        return ResponseEntity.status(201).body(pipelines.saveStage(users.current(), id, s));
    }

    @Operation(summary = "Change a stage (name, position, probability, kind); send its version (stale → 409)")
    @PutMapping("/{id}/stages/{stageId}")
    Pipeline updateStage(@PathVariable long id, @PathVariable long stageId, @RequestBody StageInput stage) {
        if (stage.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return pipelines.saveStage(users.current(), id,
                new StageInput(stageId, stage.name(), stage.position(), stage.probability(), stage.kind(), stage.version()));
    }

    @Operation(summary = "Remove a stage; if opportunities sit in it, moveTo names the stage (same kind) they move to")
    @DeleteMapping("/{id}/stages/{stageId}")
    Pipeline removeStage(@PathVariable long id, @PathVariable long stageId, @RequestParam(required = false) Long moveTo) {
        return pipelines.removeStage(users.current(), id, stageId, moveTo);
    }
}
