package dev.rapport.customers.web;

import dev.rapport.customers.ContactDetails;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Birthday;
import ezvcard.property.Organization;
import org.springframework.stereotype.Component;

/** Writes contacts as vCards with ez-vcard. */
@Component
class ContactCards {

    String write(ContactDetails k) {
        VCard card = new VCard();
        card.setFormattedName(k.name());
        if (k.customerName() != null) {
            Organization org = new Organization();
            org.getValues().add(k.customerName());
            card.setOrganization(org);
        }
        if (k.title() != null) {
            card.addTitle(k.title());
        }
        if (k.phoneNormalized() != null) {
            card.addTelephoneNumber(k.phoneNormalized(), TelephoneType.CELL);
        }
        if (k.email() != null) {
            card.addEmail(k.email(), EmailType.WORK);
        }
        if (k.birthday() != null) {
            card.setBirthday(new Birthday(k.birthday()));
        }
        if (k.notes() != null) {
            card.addNote(k.notes());
        }
        card.setUid(new ezvcard.property.Uid("urn:rapport:contact:" + k.id()));
        return Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
    }
}
