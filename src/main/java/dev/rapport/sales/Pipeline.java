package dev.rapport.sales;

import java.util.List;

/** A sales pipeline (销售流程) with its stages in board order. */
public record Pipeline(long id, String name, String builtinKey, boolean isDefault, long version, List<Stage> stages) {

    public Stage stage(long stageId) {
        return stages.stream().filter(s -> s.id() == stageId).findFirst().orElse(null);
    }

    public Stage firstOpenStage() {
        return stages.stream().filter(Stage::isOpen).findFirst().orElse(stages.isEmpty() ? null : stages.get(0));
    }
}
