package dev.rapport.identity;

/** Which owners' records a role sees (数据权限). */
public enum DataScope {
    /** only records the user owns */
    OWN,
    /** the user's records and those of everyone who reports to them, directly or not */
    OWN_AND_SUBORDINATES,
    /** records owned by anyone in the user's department */
    DEPARTMENT,
    /** records owned by anyone in the user's department or a department below it */
    DEPARTMENT_TREE,
    /** every record of the company */
    ALL
}
