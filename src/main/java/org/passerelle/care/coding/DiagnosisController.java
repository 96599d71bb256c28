package org.passerelle.care.coding;

import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.coding.CodingViews.ChapterView;
import org.passerelle.care.coding.CodingViews.DiagnosisView;
import org.passerelle.care.coding.CodingViews.FavouriteList;
import org.passerelle.platform.DomainException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ICD-10 catalogue and the current site's favourite diagnoses, for those who care for people. */
@RestController
@RequestMapping("/api/diagnoses")
class DiagnosisController {

    static final int MAXIMUM_LIMIT = 200;
    static final int MAXIMUM_QUERY = 100;

    private final DiagnosisCatalogue catalogue;
    private final DiagnosisFavourites favourites;
    private final CurrentUsers currentUsers;

    DiagnosisController(DiagnosisCatalogue catalogue, DiagnosisFavourites favourites, CurrentUsers currentUsers) {
        this.catalogue = catalogue;
        this.favourites = favourites;
        this.currentUsers = currentUsers;
    }

    /**
     * The diagnoses a query finds in any language, by code or words, best first with the site's
     * favourites ahead; a blank query lists the favourites, then the catalogue (or the chapter).
     */
    @GetMapping
    List<DiagnosisView> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String chapter,
            @RequestParam(defaultValue = "20") int limit) {
        List<String> favourite = favourites.ofCurrentSite();
        checkQuery(q, limit);
        if (chapter != null && catalogue.chapter(chapter).isEmpty()) {
            throw CodingProblems.unknownChapter();
        }
        return views(catalogue.search(q, chapter, limit, favourite), favourite);
    }

    @GetMapping("/chapters")
    List<ChapterView> chapters() {
        requireCarer();
        return catalogue.chapters().stream()
                .map(chapter -> new ChapterView(
                        chapter.numeral(),
                        chapter.first(),
                        chapter.last(),
                        chapter.title(),
                        catalogue.all().stream()
                                .filter(d -> d.chapter().equals(chapter.numeral()))
                                .count()))
                .toList();
    }

    @GetMapping("/{code}")
    DiagnosisView get(@PathVariable String code) {
        List<String> favourite = favourites.ofCurrentSite();
        Diagnosis diagnosis = catalogue.find(code).orElseThrow(() -> DomainException.notFound("diagnosis"));
        return DiagnosisView.of(diagnosis, favourite.contains(code));
    }

    /** The current site's favourites, in order. */
    @GetMapping("/favourites")
    List<DiagnosisView> favourites() {
        return favouriteViews(favourites.ofCurrentSite());
    }

    @PutMapping("/favourites")
    List<DiagnosisView> replaceFavourites(@Valid @RequestBody FavouriteList list) {
        return favouriteViews(favourites.replace(list.codes()));
    }

    @PutMapping("/favourites/{code}")
    List<DiagnosisView> addFavourite(@PathVariable String code) {
        return favouriteViews(favourites.add(code));
    }

    @DeleteMapping("/favourites/{code}")
    List<DiagnosisView> removeFavourite(@PathVariable String code) {
        return favouriteViews(favourites.remove(code));
    }

    /** Refuses a limit out of 1 to {@value #MAXIMUM_LIMIT} and a query longer than any title. */
    static void checkQuery(String query, int limit) {
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw CodingProblems.limitOutOfRange();
        }
        if (query.length() > MAXIMUM_QUERY) {
            throw CodingProblems.queryTooLong();
        }
    }

    private List<DiagnosisView> favouriteViews(List<String> codes) {
        return views(
                codes.stream()
                        .map(catalogue::find)
                        .flatMap(java.util.Optional::stream)
                        .toList(),
                codes);
    }

    private static List<DiagnosisView> views(List<Diagnosis> diagnoses, List<String> favourite) {
        Set<String> favourites = new HashSet<>(favourite);
        return diagnoses.stream()
                .map(d -> DiagnosisView.of(d, favourites.contains(d.code())))
                .toList();
    }

    private void requireCarer() {
        if (!currentUsers.current().caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
    }
}
