/**
 * Stock: the catalogue of items (the formulary's medicines, medical consumables and the goods
 * handed out, some of them kits), the places goods are kept at each site, an append-only ledger of
 * every movement with its lot and expiry from which each balance follows, never below zero, the
 * dispensing of a consultation's prescription and the distributions to a person or to a group
 * counted without names. {@link org.passerelle.stock.Ledger} and {@link
 * org.passerelle.stock.StockCatalogue} are the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Stock",
        allowedDependencies = {"platform", "access", "audit", "sites", "people", "care", "care :: coding", "devices"})
package org.passerelle.stock;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
