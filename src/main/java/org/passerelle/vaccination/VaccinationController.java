package org.passerelle.vaccination;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.vaccination.VaccinationViews.Campaign;
import org.passerelle.vaccination.VaccinationViews.CampaignCoverage;
import org.passerelle.vaccination.VaccinationViews.CampaignTally;
import org.passerelle.vaccination.VaccinationViews.NewCampaign;
import org.passerelle.vaccination.VaccinationViews.NewCampaignTally;
import org.passerelle.vaccination.VaccinationViews.NewVaccineDose;
import org.passerelle.vaccination.VaccinationViews.Vaccine;
import org.passerelle.vaccination.VaccinationViews.VaccineDose;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The vaccine catalogue, the doses on a person's file, campaigns, their coverage and tallies. */
@RestController
@RequestMapping("/api/vaccination")
class VaccinationController {

    private final VaccineCatalogue catalogue;
    private final Doses doses;
    private final Campaigns campaigns;

    VaccinationController(VaccineCatalogue catalogue, Doses doses, Campaigns campaigns) {
        this.catalogue = catalogue;
        this.doses = doses;
        this.campaigns = campaigns;
    }

    @GetMapping("/vaccines")
    List<Vaccine> vaccines() {
        return catalogue.all();
    }

    @PostMapping("/doses")
    @ResponseStatus(HttpStatus.CREATED)
    VaccineDose recordDose(@Valid @RequestBody NewVaccineDose dose) {
        return doses.record(dose);
    }

    @DeleteMapping("/doses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDose(@PathVariable UUID id, @RequestParam long version) {
        doses.remove(id, version);
    }

    @GetMapping("/people/{personId}/doses")
    List<VaccineDose> dosesOf(@PathVariable UUID personId) {
        return doses.ofPerson(personId);
    }

    @GetMapping("/campaigns")
    List<Campaign> campaigns() {
        return campaigns.mine();
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign createCampaign(@Valid @RequestBody NewCampaign campaign) {
        return campaigns.create(campaign);
    }

    @GetMapping("/campaigns/{id}")
    Campaign campaign(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @GetMapping("/campaigns/{id}/coverage")
    CampaignCoverage coverage(@PathVariable UUID id) {
        return campaigns.coverage(id);
    }

    @GetMapping("/campaigns/{id}/tallies")
    List<CampaignTally> tallies(@PathVariable UUID id) {
        return campaigns.tallies(id);
    }

    @PostMapping("/campaigns/{id}/tallies")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignTally tally(@PathVariable UUID id, @Valid @RequestBody NewCampaignTally tally) {
        return campaigns.tally(id, tally);
    }
}
