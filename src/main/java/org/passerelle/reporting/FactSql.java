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
     * Inserts the facts of the signed, not deleted consultations that meet {@code condition}. A
     * consultation is a new visit when it is the person's first signed one in its discipline
     * (ties broken by when it was written), so {@code condition} must take all of a person's
     * consultations or none.
     */
    static String encounterFacts(String condition, String orderBy) {
        return """
                insert into reporting.encounter_fact (encounter_id, site_id, occurred_on, person_key, discipline,
                                                      form_code, compartment, sex, age_group, visit, referred, attendees)
                select e.id, e.site_id, e.occurred_on, e.person_id, e.discipline, e.form_code, e.compartment,
                       coalesce(p.sex, 'UNKNOWN'),
                       %s,
                       case when e.person_id is null then 'GROUP'
                            when row_number() over visits = 1 then 'NEW'
                            else 'REPEAT' end,
                       jsonb_exists(e.coded, 'referred-to'),
                       coalesce(e.attendees, 1)
                  from care.encounter e
                  left join people.person p on p.id = e.person_id
                 where e.status = 'SIGNED' and e.deleted_at is null and (%s)
                window visits as (partition by e.person_id, e.discipline order by e.occurred_on, e.created_at, e.id)
                %s
                """.formatted(ageGroup("p.birth_date", "e.occurred_on"), condition, orderBy);
    }

    /** Inserts the registration facts of the persons not deleted nor merged into another. */
    static final String INSERT_REGISTRATION_FACTS =
            """
            insert into reporting.registration_fact (person_key, site_id, occurred_on, sex, age_group)
            select p.id, p.registered_site_id, (p.created_at at time zone 'UTC')::date, p.sex, %s
              from people.person p
             where p.merged_into is null and p.deleted_at is null
            """.formatted(ageGroup("p.birth_date", "(p.created_at at time zone 'UTC')::date"));
}
