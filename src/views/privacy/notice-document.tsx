import type { NoticeContent } from '../../privacy/notice-content.js';

/** The notice laid out: one heading per section, for the public page, the editor's preview and paper. */
export function NoticeDocument({ content, headingLevel = 1 }: { content: NoticeContent; headingLevel?: 1 | 2 }) {
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const Section = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <article class="privacy-notice">
      <Title>{content.title}</Title>
      {content.lines.map((line) => (
        <p class="privacy-notice-line">{line}</p>
      ))}
      {content.sections.map((section) => (
        <section>
          <Section>{section.heading}</Section>
          {section.paragraphs.map((text) => (
            <p>{text}</p>
          ))}
          {section.list && (
            <ul>
              {section.list.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
          )}
          {section.closing?.map((text) => (
            <p>{text}</p>
          ))}
        </section>
      ))}
      <p class="privacy-notice-date">{content.dateLine}</p>
    </article>
  );
}
