package org.passerelle.care;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.ClinicalSummaryViews.CodedDiagnosis;

/**
 * A consultation in a person's history with the coded diagnoses of its current revision (none for
 * a consultation recorded before forms, whose diagnosis is the written {@code diagnosis}).
 */
public record HistoryEntry(@JsonUnwrapped Consultation consultation, List<CodedDiagnosis> diagnoses) {}
