package org.passerelle.reporting;

/** The statements that derive facts from consultations and persons. */
final class FactSql {

    private FactSql() {}

    /** The age group of a person born on {@code birth} on the day {@code day}, sorting youngest first. */
    static String ageGroup(String birth, String day) {
        return """
                case when %1$s is null then 'unknown'
                     when extract(year from age(%2$s, %1$s)) < 5 then '00-04'
                     when extract(year from age(%2$s, %1$s)) < 15 then '05-14'
                     when extract(year from age(%2$s, %1$s)) < 18 then '15-17'
                     else '18+' end""".formatted(birth, day);
    }

    /**
     * Inserts into {@code into} the facts of the signed, not deleted consultations of {@code
     * encounters} (a relation of {@code care.encounter} rows). A consultation is a new visit when it
     * is the person's first signed one in its discipline (ties broken by when it was written), so
     * {@code encounters} must hold all of a person's consultations or none.
     */
    static String encounterFacts(String into, String encounters, String orderBy) {
        return """
                insert into %s (encounter_id, site_id, occurred_on, person_key, discipline,
                                form_code, compartment, sex, age_group, visit, referred, attendees)
                select e.id, e.site_id, e.occurred_on, e.person_id, e.discipline, e.form_code, e.compartment,
                       coalesce(p.sex, 'UNKNOWN'),
                       %s,
                       case when e.person_id is null then 'GROUP'
                            when row_number() over visits = 1 then 'NEW'
                            else 'REPEAT' end,
                       jsonb_exists(e.coded, 'referred-to'),
                       coalesce(e.attendees, 1)
                  from %s e
                  left join people.person p on p.id = e.person_id
                 where e.status = 'SIGNED' and e.deleted_at is null
                window visits as (partition by e.person_id, e.discipline order by e.occurred_on, e.created_at, e.id)
                %s
                """.formatted(into, ageGroup("p.birth_date", "e.occurred_on"), encounters, orderBy);
    }

    /**
     * Inserts into {@code into} the registration facts of the persons of {@code persons} (a relation
     * of {@code people.person} rows) not deleted nor merged into another.
     */
    static String registrationFacts(String into, String persons) {
        return """
                insert into %s (person_key, site_id, occurred_on, sex, age_group)
                select p.id, p.registered_site_id, (p.created_at at time zone 'UTC')::date, p.sex, %s
                  from %s p
                 where p.merged_into is null and p.deleted_at is null
                """.formatted(into, ageGroup("p.birth_date", "(p.created_at at time zone 'UTC')::date"), persons);
    }
}
