// The workbook-port contract on the Office.js host, running against the Excel fake (batched proxies,
// PropertyNotLoaded, the 5 MB payload limit): the same expectations as the file host.
import { OfficeWorkbook } from '../../src/hosts/office/index.ts';
import { FakeExcel } from '../support/excel-fake/index.ts';
import { portContract } from './contract.ts';

portContract('office host on the Excel fake', async (values) => {
  const fake = new FakeExcel([{ name: 'Data', values }]);
  return new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
});

portContract('office host on the Excel fake, ExcelApi 1.8 only (no screen-updating suspension, no Table.resize)', async (values) => {
  const fake = new FakeExcel([{ name: 'Data', values }], { supported: { ExcelApi: '1.8' } });
  return new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
});
