package no.tilfrisk.outcome;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The organisation's thresholds for the outcome aggregates. A bean, so the settings form can bind it. */
public class OutcomeSettings {

    @NotNull(message = "{outcome.settings.abstinenceWindowMonths.range}")
    @Min(value = 1, message = "{outcome.settings.abstinenceWindowMonths.range}")
    @Max(value = 60, message = "{outcome.settings.abstinenceWindowMonths.range}")
    private Integer abstinenceWindowMonths = 12;

    @NotNull(message = "{outcome.settings.minGapDays.range}")
    @Min(value = 1, message = "{outcome.settings.minGapDays.range}")
    @Max(value = 730, message = "{outcome.settings.minGapDays.range}")
    private Integer minGapDays = 90;

    @NotNull(message = "{outcome.settings.qualityOfLifeGain.range}")
    @Min(value = 1, message = "{outcome.settings.qualityOfLifeGain.range}")
    @Max(value = 10, message = "{outcome.settings.qualityOfLifeGain.range}")
    private Integer qualityOfLifeGain = 1;

    @NotNull(message = "{outcome.settings.who5Gain.range}")
    @Min(value = 1, message = "{outcome.settings.who5Gain.range}")
    @Max(value = 100, message = "{outcome.settings.who5Gain.range}")
    private Integer who5Gain = 10;

    @NotNull(message = "{outcome.settings.meaningfulMin.range}")
    @Min(value = 0, message = "{outcome.settings.meaningfulMin.range}")
    @Max(value = 10, message = "{outcome.settings.meaningfulMin.range}")
    private Integer meaningfulMin = 7;

    public OutcomeSettings() {
    }

    public OutcomeSettings(int abstinenceWindowMonths, int minGapDays, int qualityOfLifeGain, int who5Gain, int meaningfulMin) {
        this.abstinenceWindowMonths = abstinenceWindowMonths;
        this.minGapDays = minGapDays;
        this.qualityOfLifeGain = qualityOfLifeGain;
        this.who5Gain = who5Gain;
        this.meaningfulMin = meaningfulMin;
    }

    public Integer getAbstinenceWindowMonths() { return abstinenceWindowMonths; }
    public void setAbstinenceWindowMonths(Integer v) { abstinenceWindowMonths = v; }
    public Integer getMinGapDays() { return minGapDays; }
    public void setMinGapDays(Integer v) { minGapDays = v; }
    public Integer getQualityOfLifeGain() { return qualityOfLifeGain; }
    public void setQualityOfLifeGain(Integer v) { qualityOfLifeGain = v; }
    public Integer getWho5Gain() { return who5Gain; }
    public void setWho5Gain(Integer v) { who5Gain = v; }
    public Integer getMeaningfulMin() { return meaningfulMin; }
    public void setMeaningfulMin(Integer v) { meaningfulMin = v; }
}
