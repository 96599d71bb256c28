package org.passerelle.demo;

import java.util.List;
import java.util.Map;
import org.passerelle.care.Discipline;

/** Diagnoses and short notes, in French, as teams write them; invented for the demo data. */
final class ClinicalTexts {

    static final Map<Discipline, List<String>> DIAGNOSES = Map.of(
            Discipline.MEDICAL,
                    List.of(
                            "Gale",
                            "Gale surinfectée",
                            "Infection respiratoire aiguë",
                            "Syndrome grippal",
                            "Plaie infectée du pied",
                            "Douleurs dentaires",
                            "Abcès dentaire",
                            "Gastro-entérite",
                            "Lombalgie",
                            "Céphalées",
                            "Dermatite",
                            "Infection urinaire",
                            "Hypertension artérielle",
                            "Diabète de type 2 déséquilibré",
                            "Traumatisme de la main",
                            "Entorse de cheville",
                            "Pied d'immersion",
                            "Conjonctivite",
                            "Otite moyenne aiguë",
                            "Asthme",
                            "Douleurs abdominales",
                            "Toux persistante, suspicion de tuberculose",
                            "Brûlure superficielle",
                            "Varicelle",
                            "Plaies par fil barbelé",
                            "Épigastralgies",
                            "Suivi de grossesse"),
            Discipline.NURSING,
                    List.of(
                            "Pansement de plaie",
                            "Soins de pieds",
                            "Traitement de la gale remis",
                            "Prise de constantes",
                            "Soins de brûlure",
                            "Délivrance de paracétamol",
                            "Vaccination ROR",
                            "Dépistage VIH, VHB, VHC proposé",
                            "Retrait de fils",
                            "Test de grossesse",
                            "Glycémie capillaire"),
            Discipline.MENTAL_HEALTH,
                    List.of(
                            "Psychotraumatisme",
                            "Troubles du sommeil",
                            "Anxiété",
                            "Épisode dépressif",
                            "Deuil",
                            "Idées suicidaires, suivi rapproché",
                            "Stress aigu après violences",
                            "Soutien psychologique",
                            "Cauchemars et reviviscences",
                            "Repli sur soi"),
            Discipline.SOCIAL,
                    List.of(
                            "Ouverture des droits AME",
                            "Domiciliation",
                            "Demande d'hébergement au 115",
                            "Orientation vers l'aide sociale à l'enfance",
                            "Accès à la PUMa",
                            "Aide alimentaire",
                            "Complémentaire santé solidaire",
                            "Inscription scolaire",
                            "Mise à l'abri d'urgence"),
            Discipline.LEGAL,
                    List.of(
                            "Information sur la procédure d'asile",
                            "Préparation du récit OFPRA",
                            "Recours devant la CNDA",
                            "Procédure Dublin : information",
                            "Minorité contestée : saisine du juge des enfants",
                            "Orientation vers un avocat",
                            "Demande de titre de séjour pour soins",
                            "Réunification familiale"));

    private static final List<String> CARE_NOTES = List.of(
            "Revu dans trois jours.",
            "Orienté vers la PASS de l'hôpital.",
            "Traitement remis pour cinq jours.",
            "Accompagné aux urgences.",
            "Kit d'hygiène remis.",
            "Orienté vers le dentiste partenaire.",
            "Amélioration depuis la dernière visite.",
            "Courrier remis pour le médecin traitant.",
            "Pas de suite nécessaire.",
            "À revoir au prochain passage.");

    private static final List<String> FOLLOW_UP_NOTES = List.of(
            "À revoir au prochain passage.",
            "Consultation écourtée, à reprendre.",
            "Rendez-vous pris avec le partenaire.",
            "Explications données, bonne compréhension.",
            "Souhaite repartir vers le Royaume-Uni prochainement.",
            "Pas de suite nécessaire.",
            "Documents à apporter la prochaine fois.");

    /** Short notes that suit a discipline. */
    static List<String> notes(Discipline discipline) {
        return discipline == Discipline.MEDICAL || discipline == Discipline.NURSING ? CARE_NOTES : FOLLOW_UP_NOTES;
    }

    private ClinicalTexts() {}
}
