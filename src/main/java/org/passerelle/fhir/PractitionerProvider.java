package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.passerelle.access.UserAccounts;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * {@code Practitioner}: a user as the records they signed refer to them — the name they sign with
 * and whether the account is active, nothing else (no user name, role or site).
 */
@Component
class PractitionerProvider implements IResourceProvider {

    private static final String RECORD_TYPE = "practitioner";

    private final UserAccounts accounts;

    PractitionerProvider(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        UUID userId = Ids.of(id, RECORD_TYPE);
        UserAccounts.Signer signer = accounts.signer(userId).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        Practitioner practitioner = new Practitioner();
        practitioner.setIdElement(new IdType("Practitioner", userId.toString()));
        practitioner.setActive(signer.active());
        practitioner.addName().setText(signer.displayName());
        return practitioner;
    }
}
