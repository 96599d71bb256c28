package org.passerelle.care.coding;

import java.util.List;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.coding.CodingViews.MedicineView;
import org.passerelle.platform.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The formulary, for those who care for people. */
@RestController
@RequestMapping("/api/medicines")
class MedicineController {

    private final MedicineFormulary formulary;
    private final CurrentUsers currentUsers;

    MedicineController(MedicineFormulary formulary, CurrentUsers currentUsers) {
        this.formulary = formulary;
        this.currentUsers = currentUsers;
    }

    /** The medicines a query finds by name, brand or ATC code, best first; a blank query lists them by name. */
    @GetMapping
    List<MedicineView> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit) {
        requireCarer();
        DiagnosisController.checkQuery(q, limit);
        return formulary.search(q, limit).stream().map(MedicineView::of).toList();
    }

    @GetMapping("/{code}")
    MedicineView get(@PathVariable String code) {
        requireCarer();
        return MedicineView.of(formulary.find(code).orElseThrow(() -> DomainException.notFound("medicine")));
    }

    private void requireCarer() {
        if (!currentUsers.current().caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
    }
}
