/**
 * Chicago (17th edition, notes and bibliography) bibliography entries for the three kinds of item
 * we cite: a web page, a newspaper article and a dataset. @citation-js/plugin-csl ships only APA,
 * Vancouver and Harvard, and no maintained npm package carries the CSL project's Chicago style, so
 * this is a small CSL style of our own, written for those three types only; citation-js's CSL
 * processor (citeproc-js) renders it, as it renders APA.
 *
 *   Web page:  Team. "Title." Website. December 2, 2026. URL.
 *   Article:   Outlet. "Headline." Outlet, September 24, 2021. URL.
 *   Dataset:   Team. Title. Version 2 December 2026. Publisher, December 2, 2026. URL.
 */
export const CHICAGO_TEMPLATE_NAME = 'chicago-bibliography';

export const CHICAGO_TEMPLATE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago Manual of Style 17th edition (bibliography entries for web pages, articles, datasets)</title>
    <id>https://example.org/csl/leaving-the-tatmadaw-chicago</id>
    <updated>2026-12-02T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" sort-separator=", " delimiter=", "/>
      <substitute>
        <text variable="container-title"/>
      </substitute>
    </names>
  </macro>
  <macro name="date">
    <date variable="issued">
      <date-part name="month" form="long" suffix=" "/>
      <date-part name="day" suffix=", "/>
      <date-part name="year"/>
    </date>
  </macro>
  <citation>
    <layout><text macro="author"/></layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <choose>
          <if type="dataset">
            <text variable="title" font-style="italic"/>
          </if>
          <else>
            <text variable="title" quotes="true"/>
          </else>
        </choose>
        <choose>
          <if type="webpage">
            <text variable="container-title"/>
          </if>
        </choose>
        <choose>
          <if type="dataset">
            <text variable="version" prefix="Version "/>
          </if>
        </choose>
        <group delimiter=", ">
          <choose>
            <if type="article-newspaper">
              <text variable="container-title" font-style="italic"/>
            </if>
            <else>
              <text variable="publisher"/>
            </else>
          </choose>
          <text macro="date"/>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
