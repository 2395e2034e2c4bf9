package no.tilfrisk.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Which column of the file (by its heading) feeds which field. A column may feed one field only, and every
 * required field needs a column: otherwise the mapping is refused with the fields named.
 */
public record Mapping(ImportKind kind, Map<String, String> columns) {

    /** The column index of each mapped field in this table; fields left unmapped are absent. */
    public Map<String, Integer> resolve(Table table) {
        Map<String, Integer> resolved = new LinkedHashMap<>();
        Map<String, String> fieldOfColumn = new LinkedHashMap<>();
        for (String field : kind.fields()) {
            String heading = columns.get(field);
            if (heading == null || heading.isBlank()) {
                continue;
            }
            int index = table.header().indexOf(heading);
            if (index < 0) {
                throw new ImportRefusal("import.mapping.noSuchColumn", heading);
            }
            String other = fieldOfColumn.putIfAbsent(heading, field);
            if (other != null) {
                throw new ImportRefusal("import.mapping.twice", heading);
            }
            resolved.put(field, index);
        }
        for (String field : kind.required()) {
            if (!resolved.containsKey(field)) {
                throw new ImportRefusal("import.mapping.required",
                        new DefaultMessageSourceResolvable("import.field." + field));
            }
        }
        return resolved;
    }

    /** A first guess where nothing was saved: a column whose heading names the field in either language. */
    public static Mapping guess(ImportKind kind, List<String> header, Map<String, List<String>> words) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : kind.fields()) {
            for (String heading : header) {
                String h = Cells.nameKey(heading);
                if (!columns.containsValue(heading)
                        && words.getOrDefault(field, List.of()).stream().anyMatch(w -> Cells.nameKey(w).equals(h))) {
                    columns.put(field, heading);
                    break;
                }
            }
        }
        return new Mapping(kind, columns);
    }
}
