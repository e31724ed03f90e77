/**
 * Activities (活动) on a customer or a lead: notes, calls, visits, meetings and tasks with due dates
 * and reminders; the customer and lead timelines and "my tasks". Owns the table activities (an
 * activity has a customer, a lead, or both once the lead is converted) and activity_day_counts with
 * activity_day_counts_zone: activities per day (company time zone), owner and type, changed in the
 * same transaction as every activity write and read through {@link dev.rapport.activities.ActivityCounts}. Lead activities go through
 * {@link dev.rapport.activities.LeadActivities}; the module that owns leads answers who may see a
 * lead through {@link dev.rapport.activities.LeadAccess}, so activities never depends on it.
 * Reports each logged contact with a customer to its follow-up clock (the public pool's rule).
 * Listens to customer merges and deletions and to owner hand-overs. Runs the
 * {@code task-reminders} job (db-scheduler, every minute), which turns each due reminder of an open
 * task into one notification for its owner through {@link dev.rapport.identity.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package dev.rapport.activities;
