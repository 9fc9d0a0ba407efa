package vn.communereport.definition;

import java.util.List;

/**
 * A heading of the report's narrative: a part ("I"), a clause ("1"), a sub-clause ("1.1") or a point ("a").
 * {@code lead} is a sentence written from stored figures; {@code block} is the narrative a department writes.
 */
public record SectionNode(String number, String title, String lead, String block, List<SectionNode> children) {
}
