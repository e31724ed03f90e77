/**
 * Activities (活动) on a customer: notes, calls, visits, meetings and tasks with due dates and
 * reminders; the customer timeline and "my tasks". Owns the table activities. Listens to
 * customer merges and deletions and to owner hand-overs. Runs the {@code task-reminders} job
 * (db-scheduler, every minute), which turns each due reminder of an open task into one
 * notification for its owner through {@link dev.rapport.identity.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package dev.rapport.activities;
