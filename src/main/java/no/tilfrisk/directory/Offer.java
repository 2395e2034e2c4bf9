package no.tilfrisk.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One offer of the directory with everything a visitor may see. {@code organisationId} is null for a shared
 * entry of the network; {@code sourceFigures} are the seed's own figures, as written, where the offer comes
 * from seed 004 («tall fra 2016/2017»).
 */
public record Offer(UUID id, UUID organisationId, String source, String name, String operatorName,
                    OperatorKind operatorKind, String description, List<Need> needs, List<TargetGroup> targetGroups,
                    String targetText, Boolean lowThreshold, String referralFrom, Boolean free, String cost,
                    String address, String area, String municipality, String phone, String web,
                    List<String> languages, List<String> accessibility, Integer capacity, OpeningHours hours,
                    Map<String, String> sourceFigures, boolean published, LocalDate lastConfirmed, int version,
                    Instant updatedAt) {

    /** Address, area and municipality, those given, with commas. */
    public String addressLine() {
        return java.util.stream.Stream.of(address, area, municipality).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public boolean shared() {
        return organisationId == null;
    }
}
