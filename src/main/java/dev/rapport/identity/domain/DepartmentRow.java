package dev.rapport.identity.domain;

public record DepartmentRow(long id, Long parentId, String name, String path, long version) {

    /** Depth in the tree, 0 for the company itself; used to indent the tree in pages. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
