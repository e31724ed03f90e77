package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for pipelines and their stages. A handful of rows: read whole, no paging. */
@Repository
public class PipelineStore {

    private final JdbcClient jdbc;

    public PipelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Pipeline> all() {
        Map<Long, List<Stage>> stages = new LinkedHashMap<>();
        jdbc.sql("select * from pipeline_stages order by pipeline_id, position, id").query(PipelineStore::stage).list()
                .forEach(s -> stages.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>()).add(s));
        return jdbc.sql("select * from pipelines order by is_default desc, id")
                .query((rs, n) -> pipeline(rs, stages.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Optional<Pipeline> find(long id) {
        List<Stage> stages = jdbc.sql("select * from pipeline_stages where pipeline_id = :p order by position, id")
                .param("p", id).query(PipelineStore::stage).list();
        return jdbc.sql("select * from pipelines where id = :id").param("id", id).query((rs, n) -> pipeline(rs, stages)).optional();
    }

    public Optional<Long> defaultId() {
        return jdbc.sql("select id from pipelines where is_default = true order by id limit 1").query(Long.class).optional();
    }

    public Optional<Stage> stage(long stageId) {
        return jdbc.sql("select * from pipeline_stages where id = :id").param("id", stageId).query(PipelineStore::stage).optional();
    }

    public long insert(String name, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into pipelines (name, is_default, version, created_at) values (:n, false, 0, :now)")
                .param("n", name).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void rename(long id, long expectedVersion, String name) {
        int n = jdbc.sql("update pipelines set name = :n, version = version + 1 where id = :id and version = :v")
                .param("n", name).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("pipeline", find(id).map(Pipeline::version).orElse(-1L));
        }
    }

    /** Any change to a stage bumps the pipeline's version too, so an edit of the whole pipeline sees it. */
    public void touch(long pipelineId) {
        jdbc.sql("update pipelines set version = version + 1 where id = :id").param("id", pipelineId).update();
    }

    public long insertStage(long pipelineId, String name, int position, int probability, String kind) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pipeline_stages (pipeline_id, name, position, probability, kind, version)
                values (:p, :n, :pos, :prob, :kind, 0)""")
                .param("p", pipelineId).param("n", name).param("pos", position).param("prob", probability).param("kind", kind)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateStage(long id, long expectedVersion, String name, int position, int probability, String kind) {
        int n = jdbc.sql("""
                update pipeline_stages set name = :n, position = :pos, probability = :prob, kind = :kind, version = version + 1
                where id = :id and version = :v""")
                .param("n", name).param("pos", position).param("prob", probability).param("kind", kind)
                .param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("stage", stage(id).map(Stage::version).orElse(-1L));
        }
    }

    public void deleteStage(long id) {
        jdbc.sql("delete from pipeline_stages where id = :id").param("id", id).update();
    }

    private static Pipeline pipeline(ResultSet rs, List<Stage> stages) throws SQLException {
        return new Pipeline(rs.getLong("id"), rs.getString("name"), rs.getString("builtin_key"), rs.getBoolean("is_default"),
                rs.getLong("version"), List.copyOf(stages));
    }

    private static Stage stage(ResultSet rs, int n) throws SQLException {
        return new Stage(rs.getLong("id"), rs.getLong("pipeline_id"), rs.getString("name"), rs.getString("builtin_key"),
                rs.getInt("position"), rs.getInt("probability"), rs.getString("kind"), rs.getLong("version"));
    }
}
