package dev.rapport.demo;

import dev.rapport.activities.ActivityBulkLoad.NewActivity;
import dev.rapport.activities.ActivityType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A customer's interaction history: 0–20 activities (10 on average, so a million customers have
 * ten million) between the customer's creation and now. Tasks have due dates, some are done,
 * some overdue, some still ahead.
 */
final class ActivityFactory {

    private static final String[] TOPICS = {"产品报价", "合同条款", "付款方式", "交货周期", "售后服务", "新品介绍", "年度采购计划",
            "技术方案", "续约", "价格调整", "样品测试", "项目验收"};
    private static final String[] EN_TOPICS = {"pricing", "renewal", "delivery schedule", "product demo", "payment terms"};
    private static final String[] TASKS = {"发送报价单", "准备合同草稿", "安排产品演示", "寄送样品", "跟进回款", "提交技术方案",
            "确认发货时间", "Send proposal", "Prepare renewal offer"};
    private static final String[] SENTENCES = {"客户对价格比较敏感，希望能有更多折扣。", "对方采购经理表示下个月会有新的采购需求。",
            "客户对上次的售后服务很满意。", "需要技术部门配合提供详细方案。", "客户提到竞争对手也在接触他们。",
            "已约定下周再次沟通。", "决策人出差，等其回来后再确认。", "Customer asked for an English version of the contract.",
            "客户希望缩短交货周期。", "对新产品很感兴趣，要求安排演示。"};

    private final Random r;
    private final Instant now;

    ActivityFactory(Random r, Instant now) {
        this.r = r;
        this.now = now;
    }

    void forCustomer(long customerId, List<Long> contactIds, long ownerId, Instant created, List<NewActivity> out) {
        int count = r.nextInt(21);
        long span = Math.max(1, Duration.between(created, now).toSeconds());
        for (int i = 0; i < count; i++) {
            Instant at = created.plusSeconds((long) (r.nextDouble() * span));
            Long contact = contactIds.isEmpty() || r.nextInt(5) < 2 ? null : contactIds.get(r.nextInt(contactIds.size()));
            int roll = r.nextInt(100);
            String body = r.nextInt(10) < 4 ? null : SENTENCES[r.nextInt(SENTENCES.length)]
                    + (r.nextBoolean() ? "" : SENTENCES[r.nextInt(SENTENCES.length)]);
            if (roll < 25) {
                out.add(plain(customerId, contact, ActivityType.NOTE, "客户反馈：" + topic(), body, at, ownerId));
            } else if (roll < 55) {
                String subject = r.nextInt(8) == 0 ? "Follow-up call about " + EN_TOPICS[r.nextInt(EN_TOPICS.length)]
                        : "电话沟通：" + topic();
                out.add(plain(customerId, contact, ActivityType.CALL, subject, body, at, ownerId));
            } else if (roll < 70) {
                out.add(plain(customerId, contact, ActivityType.VISIT, "上门拜访：" + topic(), body, at, ownerId));
            } else if (roll < 80) {
                out.add(plain(customerId, contact, ActivityType.MEETING, topic() + "会议", body, at, ownerId));
            } else {
                out.add(task(customerId, contact, body, at, ownerId));
            }
        }
    }

    private NewActivity task(long customerId, Long contact, String body, Instant at, long ownerId) {
        Instant due = at.plus(Duration.ofHours(24 + r.nextInt(14 * 24)));
        Instant remind = r.nextBoolean() ? due.minus(Duration.ofHours(2)) : null;
        Instant done = null;
        // most past tasks were done (shortly before they were due); the rest are overdue
        if (due.isBefore(now) && r.nextInt(10) < 8) {
            done = due.minus(Duration.ofHours(r.nextInt(24)));
        }
        return new NewActivity(customerId, contact, ActivityType.TASK, TASKS[r.nextInt(TASKS.length)], body, at, due, remind,
                done, ownerId, ownerId);
    }

    private static NewActivity plain(long customerId, Long contact, ActivityType type, String subject, String body, Instant at,
                                     long ownerId) {
        return new NewActivity(customerId, contact, type, subject, body, at, null, null, null, ownerId, ownerId);
    }

    private String topic() {
        return TOPICS[r.nextInt(TOPICS.length)];
    }
}
