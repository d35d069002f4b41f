import type { OrganisationType } from '../db/schema/members.js';

/** Background answers a demo member gives; the stored member row has no role. */
export type DemoRole = 'teacher' | 'principal' | 'education_administration' | 'other';

export type DemoOrganisation = {
  name: string;
  type: OrganisationType;
  domain: string;
  language: 'fi' | 'sv';
  /** The first person heads the unit. */
  people: Array<[name: string, role: DemoRole]>;
};

/** A fictional network of one lakeside town, a few of its units Swedish-speaking, and one neighbouring municipality. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Järvenseudun kaupungin sivistystoimi',
    type: 'municipal_administration',
    domain: 'jarvenseutu.example',
    language: 'fi',
    people: [['Anneli Koskinen', 'education_administration'], ['Markku Lehtonen', 'education_administration'], ['Päivi Salminen', 'other']],
  },
  {
    name: 'Kirkonkylän koulu',
    type: 'comprehensive_school',
    domain: 'jarvenseutu.example',
    language: 'fi',
    people: [['Riitta Mäkinen', 'principal'], ['Timo Laine', 'teacher'], ['Sanna Virtanen', 'teacher'], ['Jussi Hämäläinen', 'teacher'], ['Elina Nieminen', 'teacher']],
  },
  {
    name: 'Rantalan yhtenäiskoulu',
    type: 'comprehensive_school',
    domain: 'jarvenseutu.example',
    language: 'fi',
    people: [['Mikko Heinonen', 'principal'], ['Tiina Koivisto', 'teacher'], ['Heidi Laaksonen', 'teacher'], ['Antti Saarinen', 'teacher'], ['Minna Ahonen', 'teacher']],
  },
  {
    name: 'Sjöberga skola',
    type: 'comprehensive_school',
    domain: 'jarvenseutu.example',
    language: 'sv',
    people: [['Anna Lindqvist', 'principal'], ['Johan Nyberg', 'teacher'], ['Maria Holmström', 'teacher'], ['Erik Sundström', 'teacher']],
  },
  {
    name: 'Järvenseudun lukio',
    type: 'upper_secondary',
    domain: 'jarvenseutu.example',
    language: 'fi',
    people: [['Petri Kettunen', 'principal'], ['Laura Tuominen', 'teacher'], ['Janne Karjalainen', 'teacher'], ['Hanna Lehtinen', 'teacher']],
  },
  {
    name: 'Järvenseudun ammattiopisto',
    type: 'vocational',
    domain: 'jsao.example',
    language: 'fi',
    people: [['Ville Mattila', 'principal'], ['Jaana Rautio', 'teacher'], ['Tuomas Peltonen', 'teacher'], ['Outi Huttunen', 'teacher'], ['Sami Manninen', 'other']],
  },
  {
    name: 'Päiväkoti Pihlaja',
    type: 'early_childhood',
    domain: 'jarvenseutu.example',
    language: 'fi',
    people: [['Kirsi Leinonen', 'principal'], ['Marjut Kallio', 'teacher'], ['Noora Väisänen', 'teacher'], ['Emma Savolainen', 'other']],
  },
  {
    name: 'Daghemmet Solrosen',
    type: 'early_childhood',
    domain: 'jarvenseutu.example',
    language: 'sv',
    people: [['Camilla Ekström', 'principal'], ['Sofia Wikström', 'teacher'], ['Linnea Grönroos', 'teacher']],
  },
  {
    name: 'Kuusilahden koulu',
    type: 'comprehensive_school',
    domain: 'kuusilahti.example',
    language: 'fi',
    people: [['Raimo Hyvönen', 'principal'], ['Katja Rissanen', 'teacher'], ['Eeva Pitkänen', 'teacher']],
  },
];

export type DemoPerson = { name: string; email: string; role: DemoRole; organisation: DemoOrganisation };

/** "Päivi Salminen" at jarvenseutu.example → paivi.salminen@jarvenseutu.example */
function emailOf(name: string, domain: string): string {
  const local = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.');
  return `${local}@${domain}`;
}

export function demoPeople(): DemoPerson[] {
  return DEMO_ORGANISATIONS.flatMap((organisation) =>
    organisation.people.map(([name, role]) => ({ name, email: emailOf(name, organisation.domain), role, organisation })),
  );
}
